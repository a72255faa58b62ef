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

/** A project's beneficiary States in code order, as a column of a projects query (one statement, not a second one per read). */
const stateCodesOf = sql<string[]>`coalesce((select array_agg(ps.state_code::text order by ps.state_code) from project_states ps where ps.project_id = projects.id), '{}')`;

/** What a read of one project brings in the same statement beyond its row and States. */
export interface ProjectParts {
  /** Its needs in order (position). */
  needs?: boolean;
  /** Its events in order (seq): all of them, or a keyset page (those after `afterSeq`, at most `limit`). */
  events?: 'all' | { limit: number; afterSeq: number | null };
}

export interface ProjectRead {
  project: ProjectRow;
  states: string[];
  needs?: NeedRow[];
  events?: ProjectEventRow[];
}

// Columns that arrive as JSON text inside an aggregate but as Date from a plain row. Typed so that a new
// timestamp column of needs or project_events fails to compile until it is listed here.
type DateColumns<R> = { [K in keyof R]-?: NonNullable<R[K]> extends Date ? K : never }[keyof R];
const NEED_DATES = Object.keys({ created_at: 1, confirmed_at: 1, withdrawn_at: 1 } satisfies Record<DateColumns<NeedRow>, 1>) as DateColumns<NeedRow>[];
const EVENT_DATES = Object.keys({ at: 1 } satisfies Record<DateColumns<ProjectEventRow>, 1>) as DateColumns<ProjectEventRow>[];

/** A row read back from to_jsonb, with its timestamps as Date again (needs and project_events have no numeric or bigint columns). */
function revive<R>(rows: Record<string, unknown>[], dates: readonly (keyof R)[]): R[] {
  for (const row of rows) for (const column of dates) if (row[column as string] != null) row[column as string] = new Date(row[column as string] as string);
  return rows as R[];
}

/**
 * A project with its States, and the parts asked for, in one statement: a read by id needs the States to
 * decide who may see it, and each statement is a round trip that costs more than the read itself.
 * The parts are read before that decision and dropped with the row when the caller may not see it.
 */
export async function readProject(db: Kysely<DB>, id: string, parts: ProjectParts = {}): Promise<ProjectRead | undefined> {
  let query = db.selectFrom('projects').selectAll('projects').select(stateCodesOf.as('state_codes')).where('id', '=', id);
  if (parts.needs) {
    query = query.select(sql<Record<string, unknown>[]>`(select coalesce(jsonb_agg(to_jsonb(n) order by n.position), '[]') from needs n where n.project_id = projects.id)`.as('needs_json'));
  }
  if (parts.events) {
    const page = parts.events === 'all' ? sql`` : sql`${parts.events.afterSeq === null ? sql`` : sql`and e.seq > ${parts.events.afterSeq}`} order by e.seq limit ${parts.events.limit}`;
    query = query.select(sql<Record<string, unknown>[]>`(select coalesce(jsonb_agg(to_jsonb(e) order by e.seq), '[]') from (select * from project_events e where e.project_id = projects.id ${page}) e)`.as('events_json'));
  }
  const row = (await query.executeTakeFirst()) as (ProjectRow & { state_codes: string[]; needs_json?: Record<string, unknown>[]; events_json?: Record<string, unknown>[] }) | undefined;
  if (!row) return undefined;
  const { state_codes: states, needs_json: needs, events_json: events, ...project } = row;
  return {
    project,
    states,
    ...(needs ? { needs: revive<NeedRow>(needs, NEED_DATES) } : {}),
    ...(events ? { events: revive<ProjectEventRow>(events, EVENT_DATES) } : {}),
  };
}

/**
 * Every column of projects but details. Listed by name so that a column added to the table and not here
 * fails to compile (the Record below), rather than go missing from list rows.
 */
const COLUMNS_BUT_DETAILS = Object.keys({
  id: 1, title: 1, stage: 1, iati_activity_status: 1, idempotency_key: 1, filed_by_subject: 1, filed_by_role: 1, filed_at: 1,
  last_event_seq: 1, updated_at: 1, budget_amount: 1, budget_currency: 1, pledged_amount: 1, merged_into: 1,
} satisfies Record<Exclude<keyof DB['projects'], 'details'>, 1>).map((c) => `projects.${c}` as `projects.${Exclude<keyof DB['projects'], 'details'>}`);

/**
 * A list row whose details (the projected state, several KB of JSON per project) are parsed when a field
 * first reads them: a page of 50 for a list that shows title and stage parses none. Read without details
 * at all (`text` null) when the query asks for no field that needs them; reading them then is a bug of
 * that decision (api/schema/project.ts needsDetails), and fails loudly rather than answer wrong.
 * The getter is on the prototype, so the row keeps one shape (a getter defined per object slows every read).
 */
class ListRow {
  #text: string | null;
  #parsed: ProjectRow['details'] | undefined;
  constructor(columns: Omit<ProjectRow, 'details'>, text: string | null) {
    Object.assign(this, columns);
    this.#text = text;
  }
  get details(): ProjectRow['details'] {
    if (this.#text === null) throw new Error('this projects list read no details: a field that reads them is missing from needsDetails');
    return (this.#parsed ??= JSON.parse(this.#text) as ProjectRow['details']);
  }
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

/** A project of a page, its States, and the exact text of its sort key (timestamps keep their microseconds in a cursor). */
export interface ProjectPageRow { project: ProjectRow; states: string[]; sort_key: string }

const ORDER_COLUMN = { FILED_AT_DESC: 'filed_at', FILED_AT_ASC: 'filed_at', UPDATED_AT_DESC: 'updated_at' } as const;

/**
 * One keyset page of the projects the filter and scope let through: ORDER BY (key, id) in the order's
 * direction, rows after the cursor's (key, id), `limit` rows (the caller asks one more than its page),
 * each with its States, and with its details unless `details: false`.
 */
export async function pageProjects(db: Kysely<DB>, filter: ProjectFilter, order: ProjectOrder, after: readonly [string, string] | null, limit: number, { details = true } = {}): Promise<ProjectPageRow[]> {
  const column = ORDER_COLUMN[order];
  const desc = order !== 'FILED_AT_ASC';
  let query = filteredProjects(db, filter)
    .select(COLUMNS_BUT_DETAILS)
    .select([(details ? sql<string | null>`projects.details::text` : sql<string | null>`null`).as('details_text'), stateCodesOf.as('state_codes'), sql<string>`projects.${sql.ref(column)}::text`.as('sort_key')]);
  if (after) {
    const [key, id] = after;
    query = query.where(sql<boolean>`(projects.${sql.ref(column)}, projects.id) ${sql.raw(desc ? '<' : '>')} (${key}::timestamptz, ${id})`);
  }
  const direction = desc ? 'desc' : 'asc';
  const rows = await query.orderBy(`projects.${column}`, direction).orderBy('projects.id', direction).limit(limit).execute();
  return rows.map(({ state_codes: states, sort_key, details_text, ...columns }) => ({ project: new ListRow(columns, details_text) as unknown as ProjectRow, states, sort_key }));
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

export async function countProjectEvents(db: Kysely<DB>, projectId: string): Promise<number> {
  const row = await db.selectFrom('project_events').select((eb) => eb.fn.countAll<string>().as('n')).where('project_id', '=', projectId).executeTakeFirstOrThrow();
  return Number(row.n);
}

function groupBy<R, V>(rows: R[], keys: readonly string[], keyOf: (r: R) => string, valueOf: (r: R) => V): Map<string, V[]> {
  const out = new Map<string, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) out.get(keyOf(row))?.push(valueOf(row));
  return out;
}
