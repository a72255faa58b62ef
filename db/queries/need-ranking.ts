// The materialised ranking of the needs pool (db/migrations/0080_need_ranking.ts): refreshed from the
// needs that triggers marked stale, with domain/priority.ts as the one rule, and read a page at a time
// in ranking order.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { openNeedPriorities, type Priority } from '../../domain/priority.js';
import { STATES_NEEDING_REPORTING_HELP } from '../../domain/reporting.js';
import type { DB } from '../schema.js';
import type { PoolLane } from '../../domain/pool-lanes.js';
import { currentWeightSet, needsPriorityInputs, toPoolNeed, type PriorityInputRow } from './needs-pool.js';

export type NeedRow = Selectable<DB['needs']>;

/** Stale needs recomputed per transaction. */
const BATCH = 5_000;

/**
 * Recomputes every need marked stale and returns how many it looked at. A need taken by another
 * process's refresh waits for it (row lock), so once this returns, every write committed before the
 * call is in the ranking: the caller reads its own writes.
 */
export async function refreshStaleRanking(db: Kysely<DB>, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const taken = await sql<{ need_id: string }>`
        DELETE FROM need_ranking_stale WHERE need_id IN (
          SELECT need_id FROM need_ranking_stale ORDER BY need_id LIMIT ${BATCH} FOR UPDATE
        ) RETURNING need_id`.execute(trx);
      const ids = taken.rows.map((r) => r.need_id);
      if (ids.length === 0) return 0;
      await rankNeedsNow(trx, ids, now);
      return ids.length;
    });
    total += done;
    if (done < BATCH) return total;
  }
}

/** Is anything waiting to be recomputed? One index probe, so a reader pays almost nothing when nothing is. */
export async function rankingIsStale(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('need_ranking_stale').select('need_id').limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Marks every need for ranking again (weights in force that the ranking was not computed with). */
export async function markWholeRankingStale(db: Kysely<DB>): Promise<void> {
  await sql`INSERT INTO need_ranking_stale (need_id) SELECT id FROM needs ON CONFLICT DO NOTHING`.execute(db);
}

/** Brings the ranking up to date before a read (no statement beyond one probe when it already is). */
export async function freshRanking(db: Kysely<DB>): Promise<void> {
  if (await rankingIsStale(db)) await refreshStaleRanking(db);
}

/** The pool rule applied to these needs: the open ones get their priority written, the others leave the ranking. */
async function rankNeedsNow(db: Kysely<DB>, ids: readonly string[], now: Date): Promise<void> {
  const [rows, weights] = await Promise.all([
    needsPriorityInputs(db).where('n.id', 'in', ids).execute() as Promise<PriorityInputRow[]>,
    currentWeightSet(db),
  ]);
  const open = openNeedPriorities(rows.map(toPoolNeed), weights?.weights ?? {}, STATES_NEEDING_REPORTING_HELP, now, weights?.instrumentWeights ?? {});
  await writeRanking(db, ids, open, now);
}

/** A need with its priority, as openNeedPriorities (domain/priority.ts) gives it. */
export interface PrioritisedNeed {
  need: { id: string; stateCode: string; priorityArea: string; identifiedAt: string };
  priority: Priority;
}

/** A need's place in the ranking as it stands, read beside the need (loadNeedsPage), to skip what did not change. */
export interface RankedNow {
  /** numeric(8,1) as text. */
  score: string;
  partsKey: string | null;
  /** The row's State, priority area and identification time are the need's as read (compared in SQL). */
  asRead: boolean;
}

/** The key of an explanation: a digest of its parts as JSON (written beside them, compared in process). */
export function partsKey(json: string): string {
  return createHash('sha1').update(json).digest('base64url');
}

interface Explanation {
  parts: Priority['parts'];
  key: string;
  json: string;
}

/**
 * Explanations met before, by hash: most recur from page to page (4,654 distinct among 100,000 synthetic
 * needs), so each is turned into JSON and its key about once per process. Emptied when it grows large.
 */
const knownExplanations = new Map<number, Explanation[]>();
const KNOWN_EXPLANATIONS_MAX = 50_000;

/** By the parts' identity: needs alike share one priority (prioritiseOpenNeeds), so most needs are found here without hashing. */
const explanationByParts = new WeakMap<Priority['parts'], Explanation>();

function explanationOf(parts: Priority['parts']): Explanation {
  const known = explanationByParts.get(parts);
  if (known !== undefined) return known;
  const explanation = explanationByHash(parts);
  explanationByParts.set(parts, explanation);
  return explanation;
}

function explanationByHash(parts: Priority['parts']): Explanation {
  const hash = partsHash(parts);
  const bucket = knownExplanations.get(hash) ?? [];
  let explanation = bucket.find((e) => sameParts(e.parts, parts));
  if (explanation === undefined) {
    if (knownExplanations.size >= KNOWN_EXPLANATIONS_MAX) knownExplanations.clear();
    const json = JSON.stringify(parts);
    bucket.push((explanation = { parts, key: partsKey(json), json }));
    knownExplanations.set(hash, bucket);
  }
  return explanation;
}

/** FNV-1a over an explanation's fields (equal parts hash alike; sameParts tells apart what collides). */
function partsHash(parts: Priority['parts']): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    for (let i = 0; i < p.name.length; i++) h = Math.imul(h ^ p.name.charCodeAt(i), 16777619);
    h = Math.imul(h ^ Math.round(p.points * 10), 16777619);
    for (let i = 0; i < p.reason.length; i++) h = Math.imul(h ^ p.reason.charCodeAt(i), 16777619);
  }
  return h >>> 0;
}

function sameParts(a: Priority['parts'], b: Priority['parts']): boolean {
  return a.length === b.length && a.every((p, i) => p.name === b[i]!.name && p.points === b[i]!.points && p.reason === b[i]!.reason);
}

/**
 * Writes the ranking of these needs: `open` (computed by domain/priority.ts openNeedPriorities over them)
 * get their priority, the other ids leave the ranking. One statement of arrays (whatever the count), each
 * distinct explanation parsed once; a row whose priority did not change is left as it is, not even
 * locked (no new row version, no index entries, no WAL: a daily run mostly finds the same priorities),
 * so computed_at says when a need's priority was last written. Given `current` (each need's row as read
 * with it), what is unchanged is dropped here, before PostgreSQL compares anything.
 */
export async function writeRanking(db: Kysely<DB>, ids: readonly string[], open: readonly PrioritisedNeed[], now: Date, current?: ReadonlyMap<string, RankedNow>): Promise<void> {
  // Rows are locked in one order (the id's), so a reader's refresh and a re-prioritisation page that
  // overlap wait for each other instead of deadlocking.
  const byId = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  const openIds = new Set(open.map((n) => n.need.id));
  const gone = ids.filter((id) => !openIds.has(id) && (current === undefined || current.has(id))).sort(byId);
  if (gone.length) await db.deleteFrom('need_ranking').where('need_id', 'in', gone).execute();
  // Explanations are told apart by a hash of their parts' fields, then compared field by field (no string
  // built per need).
  const changed: { need: PrioritisedNeed['need']; priority: Priority; explanation: Explanation }[] = [];
  for (const { need, priority } of open) {
    const explanation = explanationOf(priority.parts);
    const was = current?.get(need.id);
    if (was && was.asRead && was.partsKey === explanation.key && Number(was.score) === priority.score) continue;
    changed.push({ need, priority, explanation });
  }
  if (changed.length === 0) return;
  changed.sort((x, y) => byId(x.need.id, y.need.id));
  // Only the explanations of what changed go to PostgreSQL, each at its place (1-based) in the array.
  const used: Explanation[] = [];
  const place = new Map<Explanation, number>();
  for (const c of changed) if (!place.has(c.explanation)) place.set(c.explanation, used.push(c.explanation));
  await sql`
    WITH explanation AS (SELECT k::int AS k, j::jsonb AS parts, pk AS parts_key FROM unnest(${used.map((e) => e.json)}::text[], ${used.map((e) => e.key)}::text[]) WITH ORDINALITY AS e(j, pk, k))
    INSERT INTO need_ranking (need_id, state_code, priority_area, score, identified_at, parts, parts_key, computed_at)
    SELECT t.need_id, t.state_code, t.priority_area, t.score, t.identified_at, explanation.parts, explanation.parts_key, ${now}::timestamptz
    FROM unnest(${changed.map((c) => c.need.id)}::text[], ${changed.map((c) => c.need.stateCode)}::text[], ${changed.map((c) => c.need.priorityArea)}::text[],
                ${changed.map((c) => c.priority.score)}::numeric[], ${changed.map((c) => c.need.identifiedAt)}::timestamptz[], ${changed.map((c) => place.get(c.explanation)!)}::int[])
         WITH ORDINALITY AS t(need_id, state_code, priority_area, score, identified_at, k, place)
    JOIN explanation USING (k)
    -- An unchanged row is not even locked (ON CONFLICT locks the row it finds, WHERE or not: a write per need).
    WHERE NOT EXISTS (
      SELECT 1 FROM need_ranking r WHERE r.need_id = t.need_id
        AND (r.state_code, r.priority_area, r.score, r.identified_at, r.parts_key)
          IS NOT DISTINCT FROM (t.state_code, t.priority_area, t.score::numeric(8, 1), t.identified_at, explanation.parts_key))
    ORDER BY t.place
    ON CONFLICT (need_id) DO UPDATE SET
      state_code = excluded.state_code, priority_area = excluded.priority_area, score = excluded.score,
      identified_at = excluded.identified_at, parts = excluded.parts, parts_key = excluded.parts_key, computed_at = excluded.computed_at
    WHERE (need_ranking.state_code, need_ranking.priority_area, need_ranking.score, need_ranking.identified_at, need_ranking.parts_key)
      IS DISTINCT FROM (excluded.state_code, excluded.priority_area, excluded.score, excluded.identified_at, excluded.parts_key)`.execute(db);
}

/**
 * Are the run's weights still the ones in force? A re-prioritisation page writes the ranking only then:
 * new weights set during a run have marked every need stale, and the run's last step ranks them with the
 * new ones.
 */
export async function runWeightsInForce(db: Kysely<DB>, runWeights: Record<string, number>, runInstrumentWeights: Record<string, number> = {}): Promise<boolean> {
  const inForce = await currentWeightSet(db);
  return JSON.stringify(inForce?.weights ?? {}) === JSON.stringify(runWeights) && JSON.stringify(inForce?.instrumentWeights ?? {}) === JSON.stringify(runInstrumentWeights);
}

/** A page's range of ids: after the previous page's last id (or from its lane's start), before its lane's end. */
export interface PageRange {
  after: string | null;
  lane?: PoolLane;
}

/** The page's bounds on an id column, as SQL (true when open); `upTo: false` leaves out the lane's end. */
export function pageRangeSql(column: string, range: PageRange, opts: { upTo?: boolean } = {}) {
  const id = sql.ref(column);
  const from = range.lane?.from ?? null;
  const to = opts.upTo === false ? null : (range.lane?.to ?? null);
  const lower = range.after !== null ? sql<boolean>`${id} > ${range.after}` : from !== null ? sql<boolean>`${id} >= ${from}` : sql<boolean>`true`;
  return to === null ? lower : sql<boolean>`${lower} AND ${id} < ${to}`;
}

/**
 * Takes the stale marks of the page's needs (the `limit` first in its range, in id order), in the page's
 * transaction and before it reads them: a write committed later marks its need again (its trigger waits
 * for this transaction), so nothing written after the page read is lost.
 */
export async function takePageStaleMarks(db: Kysely<DB>, range: PageRange, limit: number): Promise<void> {
  // As a range of the stale marks' own index (an IN over the page's ids was planned as a scan of every mark).
  await sql`
    DELETE FROM need_ranking_stale
    WHERE ${pageRangeSql('need_id', range, { upTo: false })}
      AND need_id <= (SELECT max(id) FROM (SELECT id FROM needs WHERE ${pageRangeSql('id', range)} ORDER BY id LIMIT ${limit}) AS page)`.execute(db);
}

export interface RankedNeedRow extends NeedRow {
  project_stage: string | null;
  verdict: 'MET' | 'PARTLY_MET' | 'UNMET' | null;
  score: string;
  parts: Priority['parts'];
  /** The exact texts of the ranking key, for a cursor. */
  sort_score: string;
  identified_key: string;
}

/** Key of a row in ranking order: (-score, identified_at, id). */
export type RankingKey = readonly [string, string, string];

/**
 * One page of the ranking, in ranking order, after the given key: one index range scan of need_ranking
 * (filtered by State or priority area through their own indexes) joined to those rows' needs.
 */
export async function pageRanking(db: Kysely<DB>, filter: { state?: string; priorityArea?: string }, after: RankingKey | null, limit: number): Promise<RankedNeedRow[]> {
  // The page is cut from the ranking's index first (ORDER BY its key, LIMIT), then joined to its needs:
  // the planner never sorts or joins the whole pool.
  let page = db
    .selectFrom('need_ranking')
    .select(['need_id', 'score', 'parts', 'sort_score', 'identified_at'])
    .orderBy('sort_score')
    .orderBy('identified_at')
    .orderBy(sql`need_id COLLATE "C"`)
    .limit(limit);
  if (filter.state) page = page.where('state_code', '=', filter.state);
  if (filter.priorityArea) page = page.where('priority_area', '=', filter.priorityArea);
  if (after) page = page.where(sql<boolean>`(sort_score, identified_at, need_id COLLATE "C") > (${after[0]}::numeric, ${after[1]}::timestamptz, ${after[2]} COLLATE "C")`);
  const rows = await db
    .selectFrom(page.as('r'))
    .innerJoin('needs as n', 'n.id', 'r.need_id')
    .leftJoin('projects as p', 'p.id', 'n.project_id')
    .selectAll('n')
    .select([
      'p.stage as project_stage',
      sql<string>`r.score::text`.as('score'),
      'r.parts',
      sql<string>`r.sort_score::text`.as('sort_score'),
      sql<string>`r.identified_at::text`.as('identified_key'),
      (eb) => eb.selectFrom('need_verdicts as v').select('v.verdict').whereRef('v.need_id', '=', 'n.id').orderBy('v.evaluated_at', 'desc').limit(1).as('verdict'),
    ])
    .orderBy('r.sort_score')
    .orderBy('r.identified_at')
    .orderBy(sql`r.need_id COLLATE "C"`)
    .execute();
  return rows as unknown as RankedNeedRow[];
}

export async function countRanking(db: Kysely<DB>, filter: { state?: string; priorityArea?: string }): Promise<number> {
  let query = db.selectFrom('need_ranking').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.state) query = query.where('state_code', '=', filter.state);
  if (filter.priorityArea) query = query.where('priority_area', '=', filter.priorityArea);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** The ranked priority of these needs, for those that are open in the pool (a batch loader's query). */
export async function rankingOf(db: Kysely<DB>, needIds: readonly string[]): Promise<Map<string, Priority>> {
  if (needIds.length === 0) return new Map();
  const rows = await db.selectFrom('need_ranking').select(['need_id', sql<number>`score::float8`.as('score'), 'parts']).where('need_id', 'in', needIds).execute();
  return new Map(rows.map((r) => [r.need_id, { score: r.score, parts: r.parts as Priority['parts'] }]));
}

/** Needs by id with their project's stage and latest verdict (a batch loader's query; no whole-pool load). */
export async function needsByIds(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, NeedRow & { project_stage: string | null; verdict: RankedNeedRow['verdict'] }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('needs as n')
    .leftJoin('projects as p', 'p.id', 'n.project_id')
    .selectAll('n')
    .select([
      'p.stage as project_stage',
      (eb) => eb.selectFrom('need_verdicts as v').select('v.verdict').whereRef('v.need_id', '=', 'n.id').orderBy('v.evaluated_at', 'desc').limit(1).as('verdict'),
    ])
    .where('n.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r as NeedRow & { project_stage: string | null; verdict: RankedNeedRow['verdict'] }]));
}

/** Presumed needs (R8) not yet confirmed, a keyset page in id order (code points). */
export function pagePresumedNeeds(db: Kysely<DB>, source: string, state: string | undefined, afterId: string | null, limit: number): Promise<NeedRow[]> {
  // Withdrawn ones (their State reported, R8) are no longer presumed.
  let query = db.selectFrom('needs').selectAll().where('source', '=', source).where('confirmed_at', 'is', null).where('withdrawn_at', 'is', null);
  if (state) query = query.where('state_code', '=', state);
  if (afterId !== null) query = query.where(sql<boolean>`id COLLATE "C" > ${afterId}`);
  return query.orderBy(sql`id COLLATE "C"`).limit(limit).execute();
}

export async function countPresumedNeeds(db: Kysely<DB>, source: string, state: string | undefined): Promise<number> {
  let query = db.selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', source).where('confirmed_at', 'is', null).where('withdrawn_at', 'is', null);
  if (state) query = query.where('state_code', '=', state);
  return Number((await query.executeTakeFirstOrThrow()).n);
}
