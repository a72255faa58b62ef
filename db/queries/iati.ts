// What the IATI export reads from the read model: the project as projected (details), its States,
// needs, pledges and the dates of its transitions. Amounts come as strings (NUMERIC) or numbers; the
// export passes them through as text, never through floating-point arithmetic.
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export interface IatiProjectSource {
  id: string;
  title: string;
  stage: string;
  filedAt: Date;
  updatedAt: Date;
  stateCodes: string[];
  needs: { id: string; stateCode: string; priorityArea: string; instrument: string; description: string }[];
  budget: { amount: string; currency: string } | null;
  pledges: { donor: string; amount: string; currency: string; kind: string; pledgedBy: string; pledgedAt: Date }[];
  /** Transitions in order: to which stage, by which action, when. */
  transitions: { action: string; toStage: string; at: Date }[];
  /** The project as its workflow last projected it (domain/project-state.ts ProjectState). */
  details: ProjectDetails;
}

/** The parts of the projected ProjectState the export uses (kept loose: the projection may evolve). */
export interface ProjectDetails {
  evaluator?: string | null;
  plan?: {
    objectives?: string[];
    outputs?: { title: string; indicators: { name: string; unit: string; baseline: number | string; target: number | string }[] }[];
    outcomes?: { title: string; indicators: { name: string; unit: string; baseline: number | string; target: number | string }[] }[];
    modality?: string;
    at?: string;
  } | null;
  assessments?: { partners?: string[] }[];
  outcomeAssessment?: { at?: string; coProviders?: string[]; indicatorValues?: { indicator: string; actual: number | string }[] } | null;
}

export async function iatiProjectSources(db: Kysely<DB>, ids?: readonly string[]): Promise<IatiProjectSource[]> {
  let query = db.selectFrom('projects').selectAll().orderBy('filed_at').orderBy('id');
  if (ids) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  const projects = await query.execute();
  if (projects.length === 0) return [];
  const projectIds = projects.map((p) => p.id);
  const [states, needs, pledges, events] = await Promise.all([
    db.selectFrom('project_states').select(['project_id', 'state_code']).where('project_id', 'in', projectIds).orderBy('state_code').execute(),
    db.selectFrom('needs').select(['id', 'project_id', 'state_code', 'priority_area', 'instrument', 'description', 'confidential']).where('project_id', 'in', projectIds).orderBy('position').execute(),
    db.selectFrom('pledges').selectAll().where('project_id', 'in', projectIds).orderBy('position').execute(),
    db.selectFrom('project_events').select(['project_id', 'action', 'to_stage', 'from_stage', 'at', 'kind']).where('project_id', 'in', projectIds).where('kind', 'in', ['FILED', 'TRANSITION']).orderBy('seq').execute(),
  ]);
  return projects.map((p) => ({
    id: p.id,
    title: p.title,
    stage: p.stage,
    filedAt: p.filed_at,
    updatedAt: p.updated_at,
    stateCodes: states.filter((s) => s.project_id === p.id).map((s) => s.state_code),
    needs: needs.filter((n) => n.project_id === p.id).map((n) => ({ id: n.id, stateCode: n.state_code, priorityArea: n.priority_area, instrument: n.instrument, description: n.confidential ? '' : n.description })), // R14: a confidential need's text is never published
    budget: p.budget_amount !== null && p.budget_currency ? { amount: String(p.budget_amount), currency: p.budget_currency } : null,
    pledges: pledges
      .filter((x) => x.project_id === p.id)
      .map((x) => ({ donor: x.donor, amount: String(x.amount), currency: x.currency, kind: x.kind, pledgedBy: x.pledged_by, pledgedAt: new Date(x.pledged_at) })),
    transitions: events.filter((e) => e.project_id === p.id).map((e) => ({ action: e.action, toStage: e.to_stage, at: new Date(e.at) })),
    details: (typeof p.details === 'string' ? JSON.parse(p.details) : p.details) as ProjectDetails,
  }));
}
