// Reads of the project read model, used by the API. Scope filtering happens here so lists never leak.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { ProjectOrder } from '../../domain/list-orders.js';
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
}

export function findProject(db: Kysely<DB>, id: string): Promise<ProjectRow | undefined> {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The scope and filters of a projects list, as a WHERE clause on `projects`. */
function filteredProjects(db: Kysely<DB>, filter: ProjectFilter) {
  let query = db.selectFrom('projects');
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
  return query;
}

/** A project row with the exact text of its sort key (timestamps keep their microseconds in a cursor). */
export type ProjectPageRow = ProjectRow & { sort_key: string };

const ORDER_COLUMN = { FILED_AT_DESC: 'filed_at', FILED_AT_ASC: 'filed_at', UPDATED_AT_DESC: 'updated_at' } as const;

/**
 * One keyset page of the projects the filter and scope let through: ORDER BY (key, id) in the order's
 * direction, rows after the cursor's (key, id), `limit` rows (the caller asks one more than its page).
 */
export function pageProjects(db: Kysely<DB>, filter: ProjectFilter, order: ProjectOrder, after: readonly [string, string] | null, limit: number): Promise<ProjectPageRow[]> {
  const column = ORDER_COLUMN[order];
  const desc = order !== 'FILED_AT_ASC';
  let query = filteredProjects(db, filter).selectAll('projects').select(sql<string>`projects.${sql.ref(column)}::text`.as('sort_key'));
  if (after) {
    const [key, id] = after;
    query = query.where(sql<boolean>`(projects.${sql.ref(column)}, projects.id) ${sql.raw(desc ? '<' : '>')} (${key}::timestamptz, ${id})`);
  }
  const direction = desc ? 'desc' : 'asc';
  return query.orderBy(`projects.${column}`, direction).orderBy('projects.id', direction).limit(limit).execute();
}

export async function countProjects(db: Kysely<DB>, filter: ProjectFilter): Promise<number> {
  const row = await filteredProjects(db, filter).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
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

/** One project's events in order (seq), a keyset page: those after `afterSeq` (from the first when null), at most `limit`. */
export function projectEventsPage(db: Kysely<DB>, projectId: string, limit: number, afterSeq: number | null): Promise<ProjectEventRow[]> {
  let query = db.selectFrom('project_events').selectAll().where('project_id', '=', projectId);
  if (afterSeq !== null) query = query.where('seq', '>', afterSeq);
  return query.orderBy('seq').limit(limit).execute();
}

export async function countProjectEvents(db: Kysely<DB>, projectId: string): Promise<number> {
  const row = await db.selectFrom('project_events').select((eb) => eb.fn.countAll<string>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow();
  return Number(row.n);
}

function groupBy<R, V>(rows: R[], keys: readonly string[], keyOf: (r: R) => string, valueOf: (r: R) => V): Map<string, V[]> {
  const out = new Map<string, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) out.get(keyOf(row))?.push(valueOf(row));
  return out;
}
