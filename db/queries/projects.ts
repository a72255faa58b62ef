// Reads of the project read model, used by the API. Scope filtering happens here so lists never leak.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../schema.js';

export type ProjectRow = Selectable<DB['projects']>;
export type NeedRow = Selectable<DB['needs']>;
export type ProjectEventRow = Selectable<DB['project_events']>;

export interface ProjectFilter {
  stage?: string | null;
  state?: string | null;
  priorityArea?: string | null;
  /** Restricts to projects benefiting this State (a focal point's scope). */
  visibleToState?: string;
  /** Restricts to projects open for funding or pledged to by this organisation (a donor's scope). */
  visibleToDonor?: string;
  /** Restricts to projects assigned to this evaluator. */
  visibleToEvaluator?: string;
  limit?: number;
}

export function findProject(db: Kysely<DB>, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listProjects(db: Kysely<DB>, filter: ProjectFilter): Promise<ProjectRow[]> {
  let query = db.selectFrom('projects').selectAll('projects');
  if (filter.stage) query = query.where('projects.stage', '=', filter.stage);
  for (const state of [filter.state, filter.visibleToState]) {
    if (!state) continue;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('project_states as ps').select('ps.project_id').whereRef('ps.project_id', '=', 'projects.id').where('ps.state_code', '=', state)),
    );
  }
  if (filter.visibleToDonor !== undefined) {
    const pledgedBy = JSON.stringify({ pledges: [{ donor: filter.visibleToDonor }] });
    query = query.where((eb) => eb.or([eb('projects.stage', '=', 'AWAITING_FUNDING'), eb(sql`projects.details`, '@>', sql`${pledgedBy}::jsonb`)]));
  }
  if (filter.visibleToEvaluator !== undefined) {
    // The lead evaluator or another member of the evaluation panel.
    const subject = filter.visibleToEvaluator;
    query = query.where((eb) => eb.or([eb(sql`projects.details->>'evaluator'`, '=', subject), eb(sql`projects.details->'panel'`, '?', subject)]));
  }
  if (filter.priorityArea) {
    const area = filter.priorityArea;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('needs as n').select('n.id').whereRef('n.project_id', '=', 'projects.id').where('n.priority_area', '=', area)),
    );
  }
  return query.orderBy('projects.filed_at', 'desc').orderBy('projects.id').limit(filter.limit ?? 200).execute();
}

export async function statesOfProjects(db: Kysely<DB>, projectIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = projectIds.length
    ? await db.selectFrom('project_states').select(['project_id', 'state_code']).where('project_id', 'in', projectIds).orderBy('state_code').execute()
    : [];
  return groupBy(rows, projectIds, (r) => r.project_id, (r) => r.state_code);
}

export async function needsOfProjects(db: Kysely<DB>, projectIds: readonly string[]): Promise<Map<string, NeedRow[]>> {
  const rows = projectIds.length
    ? await db.selectFrom('needs').selectAll().where('project_id', 'in', projectIds).orderBy('project_id').orderBy('position').execute()
    : [];
  return groupBy(rows, projectIds, (r) => r.project_id ?? '', (r) => r);
}

export async function historyOfProjects(db: Kysely<DB>, projectIds: readonly string[]): Promise<Map<string, ProjectEventRow[]>> {
  const rows = projectIds.length
    ? await db.selectFrom('project_events').selectAll().where('project_id', 'in', projectIds).orderBy('project_id').orderBy('seq').execute()
    : [];
  return groupBy(rows, projectIds, (r) => r.project_id ?? '', (r) => r);
}

function groupBy<R, V>(rows: R[], keys: readonly string[], keyOf: (r: R) => string, valueOf: (r: R) => V): Map<string, V[]> {
  const out = new Map<string, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) out.get(keyOf(row))?.push(valueOf(row));
  return out;
}
