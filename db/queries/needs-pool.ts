// Reads and writes of the needs pool: the needs with what their priority depends on, the Conference's
// weights, and ranked snapshots.
import { sql, type Kysely } from 'kysely';
import type { UrgencyCode } from '../../domain/code-lists/index.js';
import { PRESUMED_SOURCE, type presumedReportingNeed } from '../../domain/presumed-needs.js';
import { weightVersionInForce, type NeedVerdict, type PoolNeed } from '../../domain/priority.js';
import { isRatificationNeed } from '../../domain/needs/ratification.js';
import type { DB } from '../schema.js';
import { recordNeedEvents } from './need-history.js';

export interface PoolNeedRow {
  id: string;
  state_code: string;
  priority_area: string;
  priority_activity: string;
  instrument: string;
  article: string | null;
  forms_of_assistance: string[];
  urgency: string;
  source: string;
  description: string;
  state_rank: number | null;
  created_at: Date;
  project_id: string | null;
  project_stage: string | null;
  verdict: NeedVerdict | null;
  confirmed_at: Date | null;
  merged_into: string | null;
  /** 0120 (issue 15): the need's own field of expertise, and a presumed need's withdrawal (R8). */
  field_of_expertise: string | null;
  withdrawn_at: Date | null;
}

export type PoolNeedWithRow = PoolNeed & { row: PoolNeedRow };

/** The columns a need's priority depends on (domain/priority.ts): what a ranking reads, and no more. */
export type PriorityInputRow = Pick<PoolNeedRow,
  'id' | 'state_code' | 'priority_area' | 'priority_activity' | 'instrument' | 'forms_of_assistance' | 'urgency' | 'source' | 'state_rank' | 'created_at'
  | 'project_stage' | 'verdict' | 'confirmed_at' | 'merged_into' | 'withdrawn_at'>;

/** The same read by a re-prioritisation page: the need's identification time as ISO text (no Date per row, nor its parsing). */
export type PriorityPageRow = Omit<PriorityInputRow, 'created_at'> & { identified_at: string };

/** The pool's view of a need row. */
export function toPoolNeed<R extends PriorityInputRow | PriorityPageRow>(row: R): PoolNeed & { row: R } {
  return {
    id: row.id,
    stateCode: row.state_code,
    priorityArea: row.priority_area,
    instrument: row.instrument,
    urgency: row.urgency as UrgencyCode,
    identifiedAt: 'identified_at' in row ? row.identified_at : new Date(row.created_at).toISOString(),
    stateRank: row.state_rank,
    projectStage: row.project_stage,
    verdict: row.verdict,
    awaitingConfirmation: row.source === PRESUMED_SOURCE && !row.confirmed_at,
    mergedInto: row.merged_into,
    withdrawn: row.withdrawn_at !== null,
    ratification: isRatificationNeed(row),
    row,
  };
}

/** Needs with only the columns their priority depends on (PriorityInputRow): the project's stage and the latest verdict. */
export function needsPriorityInputs(db: Kysely<DB>) {
  return priorityInputsBut(db).select('n.created_at');
}

/** The same for a re-prioritisation page (PriorityPageRow): the identification time as toISOString writes it, in UTC to the millisecond (truncated, as pg's Date is). */
export function needsPriorityPageInputs(db: Kysely<DB>) {
  return priorityInputsBut(db).select(sql<string>`to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('identified_at'));
}

/** Every column of PriorityInputRow but created_at. */
function priorityInputsBut(db: Kysely<DB>) {
  return db
    .selectFrom('needs as n')
    .leftJoin('projects as p', 'p.id', 'n.project_id')
    .select([
      'n.id', 'n.state_code', 'n.priority_area', 'n.priority_activity', 'n.instrument', 'n.forms_of_assistance', 'n.urgency', 'n.source',
      'n.state_rank', 'p.stage as project_stage', 'n.confirmed_at', 'n.merged_into', 'n.withdrawn_at',
      (eb) => eb.selectFrom('need_verdicts as v').select('v.verdict').whereRef('v.need_id', '=', 'n.id').orderBy('v.evaluated_at', 'desc').limit(1).as('verdict'),
    ]);
}

/** The same needs with the rest of what a reader shows (PoolNeedRow). One select for every reader. */
export function needsWithStatus(db: Kysely<DB>) {
  return needsPriorityInputs(db).select(['n.article', 'n.description', 'n.project_id', 'n.field_of_expertise']);
}

/** Every need with its project's stage and its latest verdict; the caller applies the pool rule. */
export function loadNeedsWithStatus(db: Kysely<DB>, filter: { state?: string; priorityArea?: string } = {}): Promise<PoolNeedRow[]> {
  let query = needsWithStatus(db);
  if (filter.state) query = query.where('n.state_code', '=', filter.state);
  if (filter.priorityArea) query = query.where('n.priority_area', '=', filter.priorityArea);
  return query.orderBy('n.id').execute() as Promise<PoolNeedRow[]>;
}

/** A weight set as readers see it: its decision's day as YYYY-MM-DD. */
export interface WeightSetRow {
  id: number;
  decision: string;
  decidedOn: string;
  weights: Record<string, number>;
  instrumentWeights: Record<string, number>;
  set_by: string;
  set_at: Date;
}

function weightSets(db: Kysely<DB>) {
  return db
    .selectFrom('priority_weight_sets')
    .select(['id', 'decision', 'weights', 'instrument_weights as instrumentWeights', 'set_by', 'set_at', sql<string>`to_char(decided_on, 'YYYY-MM-DD')`.as('decidedOn')]);
}

/** Every weight set, the latest decision first (then the latest recorded). */
export async function weightSetHistory(db: Kysely<DB>): Promise<WeightSetRow[]> {
  return (await weightSets(db).orderBy('decided_on', 'desc').orderBy('id', 'desc').execute()) as WeightSetRow[];
}

export async function weightSetById(db: Kysely<DB>, id: number): Promise<WeightSetRow | undefined> {
  return (await weightSets(db).where('id', '=', id).executeTakeFirst()) as WeightSetRow | undefined;
}

/** The weight set in force at `at` (domain/priority.ts weightVersionInForce), or undefined when none is. */
export async function currentWeightSet(db: Kysely<DB>, at: Date = new Date()): Promise<WeightSetRow | undefined> {
  // A handful of rows (one per Conference decision): the one pure rule picks among them.
  return weightVersionInForce(await weightSetHistory(db), at) ?? undefined;
}

export async function insertWeightSet(
  db: Kysely<DB>,
  set: { decision: string; decidedOn: string; weights: Record<string, number>; instrumentWeights: Record<string, number> },
  setBy: string,
): Promise<WeightSetRow> {
  const { id } = await db
    .insertInto('priority_weight_sets')
    .values({ decision: set.decision, decided_on: set.decidedOn, weights: JSON.stringify(set.weights), instrument_weights: JSON.stringify(set.instrumentWeights), set_by: setBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await weightSets(db).where('id', '=', id).executeTakeFirstOrThrow()) as WeightSetRow;
}

export function snapshotByWorkflow(db: Kysely<DB>, workflowId: string) {
  return db.selectFrom('priority_snapshots').selectAll().where('workflow_id', '=', workflowId).executeTakeFirst();
}

/** Snapshots newest first, a keyset page: those older than `beforeId` (all when null), at most `limit`. */
export function latestSnapshots(db: Kysely<DB>, limit: number, beforeId: number | null = null) {
  let query = db.selectFrom('priority_snapshots').selectAll();
  if (beforeId !== null) query = query.where('id', '<', beforeId);
  return query.orderBy('id', 'desc').limit(limit).execute();
}

export async function countSnapshots(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('priority_snapshots').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function snapshotById(db: Kysely<DB>, id: number) {
  return db.selectFrom('priority_snapshots').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The snapshot before `id`, to compare ranks with. */
export function previousSnapshot(db: Kysely<DB>, id: number) {
  return db.selectFrom('priority_snapshots').selectAll().where('id', '<', id).orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** A snapshot's entries by rank, a keyset page: ranks after `afterRank` (from the top when null), at most `limit`. */
export function snapshotEntries(db: Kysely<DB>, snapshotId: number, limit: number, state?: string, afterRank: number | null = null) {
  let query = db
    .selectFrom('priority_snapshot_entries as e')
    .innerJoin('needs as n', 'n.id', 'e.need_id')
    .leftJoin('priority_snapshot_explanations as x', (join) => join.onRef('x.snapshot_id', '=', 'e.snapshot_id').onRef('x.parts_key', '=', 'e.parts_key'))
    .select(['e.need_id', 'e.rank', sql<number>`e.score::float8`.as('score'), sql<unknown[]>`coalesce(e.parts, x.parts)`.as('parts'), 'n.state_code', 'n.priority_area', 'n.description'])
    .where('e.snapshot_id', '=', snapshotId);
  if (state) query = query.where('n.state_code', '=', state);
  if (afterRank !== null) query = query.where('e.rank', '>', afterRank);
  return query.orderBy('e.rank').limit(limit).execute();
}

export async function countSnapshotEntries(db: Kysely<DB>, snapshotId: number, state?: string): Promise<number> {
  let query = db
    .selectFrom('priority_snapshot_entries as e')
    .innerJoin('needs as n', 'n.id', 'e.need_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('e.snapshot_id', '=', snapshotId);
  if (state) query = query.where('n.state_code', '=', state);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

export async function ranksIn(db: Kysely<DB>, snapshotId: number, needIds: readonly string[]): Promise<Map<string, number>> {
  if (needIds.length === 0) return new Map();
  const rows = await db.selectFrom('priority_snapshot_entries').select(['need_id', 'rank']).where('snapshot_id', '=', snapshotId).where('need_id', 'in', needIds).execute();
  return new Map(rows.map((r) => [r.need_id, r.rank]));
}

/** Writes a snapshot and its entries in one transaction, in batches; a second call for the same run is a no-op. */
export async function writeSnapshot(
  db: Kysely<DB>,
  snapshot: { workflowId: string; trigger: string; takenAt: string; weightSetId: number | null; regionsFlagged: unknown[]; presumedGenerated: number },
  entries: { needId: string; rank: number; score: number; parts: unknown[] }[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('priority_snapshots')
      .values({
        workflow_id: snapshot.workflowId, trigger: snapshot.trigger, taken_at: snapshot.takenAt, weight_set_id: snapshot.weightSetId,
        open_needs: entries.length, regions_flagged: JSON.stringify(snapshot.regionsFlagged), presumed_generated: snapshot.presumedGenerated,
      })
      .onConflict((oc) => oc.column('workflow_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return (await trx.selectFrom('priority_snapshots').select('id').where('workflow_id', '=', snapshot.workflowId).executeTakeFirstOrThrow()).id;
    for (let i = 0; i < entries.length; i += 5000) {
      await trx
        .insertInto('priority_snapshot_entries')
        .values(entries.slice(i, i + 5000).map((e) => ({ snapshot_id: inserted.id, need_id: e.needId, rank: e.rank, score: e.score, parts: JSON.stringify(e.parts) })))
        .execute();
    }
    return inserted.id;
  });
}

export async function setStateRanks(db: Kysely<DB>, state: string, orderedNeedIds: readonly string[], by: { subject: string; role: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await recordNeedEvents(trx, orderedNeedIds.map((needId, i) => ({ needId, action: 'RANKED', actor: by, detail: { rank: i + 1 } })));
    await trx.updateTable('needs').set({ state_rank: null }).where('state_code', '=', state).execute();
    for (const [i, id] of orderedNeedIds.entries()) {
      await trx.updateTable('needs').set({ state_rank: i + 1 }).where('id', '=', id).where('state_code', '=', state).execute();
    }
  });
}


/** Which States answered a questionnaire or the checklist, per imported cycle. */
export async function reportedByCycle(db: Kysely<DB>): Promise<Map<string, Set<string>>> {
  const rows = await db
    .selectFrom('needs')
    .select(['cycle', 'state_code'])
    .distinct()
    .where('source', 'in', ['QUESTIONNAIRE_RESPONSE', 'CHECKLIST_RESPONSE'])
    .where('cycle', 'is not', null)
    .execute();
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.cycle!, (out.get(r.cycle!) ?? new Set()).add(r.state_code));
  return out;
}

/** Inserts presumed needs that do not exist yet; returns how many were new. */
export async function insertPresumedNeeds(db: Kysely<DB>, needs: ReturnType<typeof presumedReportingNeed>[]): Promise<number> {
  if (needs.length === 0) return 0;
  const inserted = await db
    .insertInto('needs')
    .values(
      needs.map((n) => ({
        id: n.id, project_id: null, position: 0, state_code: n.stateCode, source: n.source, priority_area: n.priorityArea,
        priority_activity: n.priorityActivity, instrument: n.instrument, article: n.article ?? null,
        forms_of_assistance: n.formsOfAssistance, urgency: n.urgency, description: n.description,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  await recordNeedEvents(db, inserted.map(({ id }) => ({ needId: id, action: 'PRESUMED', actor: { subject: 'palermo', role: 'SYSTEM' }, detail: { rule: 'R8: no response in any imported cycle (000 fn 5)' } })));
  return inserted.length;
}
