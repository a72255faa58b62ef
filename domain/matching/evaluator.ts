// An evaluator comes from the roster but must be independent of the project it evaluates (palermo's
// rules; the seeds ask for independent evaluation, not for these exact tests).
import type { RosterExpert } from './types.js';

export const INDEPENDENCE_RULES = ['NATIONAL_OF_BENEFICIARY', 'DELIVERED_THE_PROJECT', 'DECLARED_CONFLICT', 'SUSPENDED'] as const;
export type IndependenceRule = (typeof INDEPENDENCE_RULES)[number];

export interface EvaluatedProject {
  projectId: string;
  beneficiaryStates: readonly string[];
  /** Experts who delivered the project (accepted an invitation for it, or are recorded as delivering it). */
  deliveredBy: readonly string[];
}

export function independenceBreaches(expert: RosterExpert, project: EvaluatedProject): { rule: IndependenceRule; reason: string }[] {
  const out: { rule: IndependenceRule; reason: string }[] = [];
  if (expert.status === 'SUSPENDED') out.push({ rule: 'SUSPENDED', reason: 'suspended from the roster' });
  if (project.beneficiaryStates.includes(expert.nationality)) out.push({ rule: 'NATIONAL_OF_BENEFICIARY', reason: `a national of ${expert.nationality}, a beneficiary State` });
  if (project.deliveredBy.includes(expert.id)) out.push({ rule: 'DELIVERED_THE_PROJECT', reason: 'took part in delivering the project' });
  const c = expert.profile.conflicts;
  const states = project.beneficiaryStates.filter((s) => c.states.includes(s));
  if (states.length) out.push({ rule: 'DECLARED_CONFLICT', reason: `declared a conflict with ${states.join(', ')}` });
  if (c.projects.includes(project.projectId)) out.push({ rule: 'DECLARED_CONFLICT', reason: `declared a conflict with project ${project.projectId}` });
  return out;
}
