// What a project is, as its workflow holds it. Plain data, so it survives continue-as-new and can be
// projected as it stands.
import type {
  OutcomeAssessmentInput,
  PlanInput,
  PledgeInput,
  RecordActivityInput,
  RecordAssessmentInput,
} from './lifecycle-inputs.js';
import type { NeedInput } from './inputs.js';
import { sumAmounts } from './money.js';
import type { Stage } from './stages.js';

export interface ProjectNeed extends NeedInput {
  id: string;
  stateCode: string;
  source: string;
  /** The project a follow-up need came from (EVALUATION_FOLLOW_UP). */
  originProjectId?: string;
}

export interface Recorded {
  by: string;
  at: string;
}

export interface InformationRequest extends Recorded {
  question: string;
  answer?: string;
  answeredAt?: string;
  /** The State whose focal point answered (regional projects). */
  answeredByState?: string;
}

export interface ProjectState {
  projectId: string;
  title: string;
  stage: Stage;
  /** Beneficiary States (ISO alpha-3); a merge adds the merged project's States. */
  stateCodes: string[];
  needs: ProjectNeed[];
  assessments: (RecordAssessmentInput & Recorded)[];
  informationRequests: InformationRequest[];
  plan: (PlanInput & Recorded) | null;
  /** Focal-point endorsements of the current plan, by State. A new plan clears them. */
  endorsements: Record<string, Recorded & { comment?: string }>;
  /** The amount is an exact decimal string in the currency's decimals, e.g. "150000.04". */
  budget: { amount: string; currency: string } | null;
  pledges: (PledgeInput & Recorded)[];
  activities: (RecordActivityInput & Recorded)[];
  progressReports: ({ period: string; narrative: string } & Recorded)[];
  enactment: ({ law: string; enactedOn: string } & Recorded) | null;
  evaluator: string | null;
  /** The other members of the evaluation panel (the lead is `evaluator`); absent in projects from before panels. */
  panel?: string[];
  /** Beneficiary States' consent to evaluation visits, by State; absent in projects from before consent. */
  visitConsents?: Record<string, Recorded & { note?: string }>;
  /** Visits of the evaluation panel to beneficiary States. */
  evaluationVisits?: ({ state: string; startDate: string; endDate: string; purpose: string } & Recorded)[];
  outcomeAssessment: (OutcomeAssessmentInput & Recorded) | null;
  mergedInto: string | null;
  mergedFrom: string[];
  /** Why the project left the lifecycle early (declined, cancelled) or left delivery without enactment. */
  reasons: { action: string; reason: string; at: string }[];
  /** Lapsed deadlines and reminders, for the manager. */
  escalations: { kind: string; at: string; message: string }[];
}

export function newProjectState(p: { projectId: string; title: string; stateCode: string; needs: ProjectNeed[] }): ProjectState {
  return {
    projectId: p.projectId,
    title: p.title,
    stage: 'SUBMITTED',
    // A project grouped from pool needs may serve several States; a filed request serves its own.
    stateCodes: [...new Set([p.stateCode, ...p.needs.map((n) => n.stateCode)])].sort(),
    needs: p.needs,
    assessments: [],
    informationRequests: [],
    plan: null,
    endorsements: {},
    budget: null,
    pledges: [],
    activities: [],
    progressReports: [],
    enactment: null,
    evaluator: null,
    panel: [],
    visitConsents: {},
    evaluationVisits: [],
    outcomeAssessment: null,
    mergedInto: null,
    mergedFrom: [],
    reasons: [],
    escalations: [],
  };
}

/** The sum of the pledges, exact, as a decimal string in the budget's currency. */
export function pledgedAmount(state: ProjectState): string {
  return sumAmounts(state.pledges.map((p) => p.amount), state.budget?.currency ?? state.pledges[0]?.currency);
}

export function isLegislative(state: ProjectState, legislativeForms: readonly string[]): boolean {
  const forms = state.plan?.formsOfAssistance ?? state.needs.flatMap((n) => n.formsOfAssistance);
  return forms.some((f) => legislativeForms.includes(f));
}

/** A deep copy (the workflow sandbox has no structuredClone; the state is plain JSON). */
export function copyProjectState(state: ProjectState): ProjectState {
  return JSON.parse(JSON.stringify(state)) as ProjectState;
}

/** Everyone on the evaluation panel: the lead evaluator first, then the other members. */
export function panelOf(state: Pick<ProjectState, 'evaluator' | 'panel'>): string[] {
  return state.evaluator ? [state.evaluator, ...(state.panel ?? [])] : [];
}

/**
 * The state a lifecycle run hands to the next when it continues as new: long texts that no rule decides
 * on (progress narratives, assessment findings, answered questions before the last) are left out, so a
 * project reported on for years does not copy every narrative into each run's first event. The read
 * model keeps them: it applies events to its own copy, never to this one.
 */
export function carriedProjectState(state: ProjectState): ProjectState {
  const lastRequest = state.informationRequests.length - 1;
  return {
    ...state,
    progressReports: state.progressReports.map((r) => ({ ...r, narrative: '' })),
    assessments: state.assessments.map((a) => ({ ...a, findings: '' })),
    informationRequests: state.informationRequests.map((r, i) => (i === lastRequest ? r : { ...r, question: '', ...(r.answer === undefined ? {} : { answer: '' }) })),
  };
}
