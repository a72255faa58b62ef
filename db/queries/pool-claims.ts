// Atomic writes of the needs pool. Each locks the needs it touches (SELECT ... FOR UPDATE, in id order
// so two calls never wait on each other in a cycle), decides with the pure rule on the rows as locked,
// and writes in the same transaction: concurrent calls queue on the lock and the later ones see what
// the first one wrote. need_claims' primary key backs the grouping rule up.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { FieldIssue } from '../../domain/inputs.js';
import { groupingRefusals, keyReusedIssue, mergeIssues, type GroupingRefusal, type PoolNeedState } from '../../domain/pool-rules.js';
import type { DB } from '../schema.js';
import { recordNeedEvents } from './need-history.js';

type By = { subject: string; role: string };

/** Rolls the claim transaction back when the primary key shows another project won. */
class ClaimLost extends Error {
  constructor(readonly refusals: GroupingRefusal[]) {
    super('claimed by another project');
  }
}

/**
 * The needs as they are now, locked until the transaction ends; ids not found are left out. The lock is
 * taken first and the state read by a second statement: under READ COMMITTED that statement sees what a
 * transaction that held the lock before us committed (claims included), which a join in the locking
 * statement would not.
 */
async function lockNeeds(trx: Transaction<DB>, ids: readonly string[]): Promise<Map<string, PoolNeedState>> {
  if (ids.length === 0) return new Map();
  const unique = [...new Set(ids)];
  await trx.selectFrom('needs').select('id').where('id', 'in', unique).orderBy('id').forUpdate().execute();
  const rows = await trx
    .selectFrom('needs as n')
    .leftJoin('need_claims as c', 'c.need_id', 'n.id')
    .select(['n.id', 'n.state_code', 'n.source', 'n.confirmed_at', 'n.project_id', 'n.merged_into', 'c.project_id as claimed_for'])
    .where('n.id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id, stateCode: r.state_code, source: r.source, confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
        projectId: r.project_id, claimedFor: r.claimed_for, mergedInto: r.merged_into,
      },
    ]),
  );
}

export interface ClaimOutcome {
  refusals: GroupingRefusal[];
  /** Set when the project's key was already used for other needs. */
  keyReused: string | null;
}

/**
 * Claims the needs for `projectId`, all or none. Returns the refusals (nothing written) or none when
 * every need is now the project's; claiming the same needs again for the same project (a retry) is fine.
 */
export function claimNeedsForProject(db: Kysely<DB>, projectId: string, needIds: readonly string[], by: By): Promise<ClaimOutcome> {
  return db.transaction().execute(async (trx): Promise<ClaimOutcome> => {
    // One grouping per key at a time, so two calls with one key and different needs cannot both claim.
    await sql`select pg_advisory_xact_lock(hashtext(${projectId}))`.execute(trx);
    const claimed = await trx.selectFrom('need_claims').select('need_id').where('project_id', '=', projectId).execute();
    const keyReused = keyReusedIssue(claimed.map((c) => c.need_id), needIds);
    if (keyReused) return { refusals: [], keyReused };
    const locked = await lockNeeds(trx, needIds);
    const refusals = groupingRefusals(needIds.map((id) => locked.get(id)!), projectId);
    if (refusals.length) return { refusals, keyReused: null };
    await trx
      .insertInto('need_claims')
      .values(needIds.map((id) => ({ need_id: id, project_id: projectId, claimed_by: by.subject })))
      .onConflict((oc) => oc.column('need_id').doNothing())
      .execute();
    // The primary key is the last word: any need now held by another project is refused after all.
    const held = await trx.selectFrom('need_claims').select(['need_id', 'project_id']).where('need_id', 'in', [...needIds]).where('project_id', '<>', projectId).execute();
    if (held.length) throw new ClaimLost(held.map((h) => ({ kind: 'IN_PROJECT', needId: h.need_id, index: needIds.indexOf(h.need_id), projectId: h.project_id })));
    return { refusals: [], keyReused: null };
  }).catch((err) => {
    if (err instanceof ClaimLost) return { refusals: err.refusals, keyReused: null };
    throw err;
  });
}

/** Gives the needs back to the pool when their project could not be started. */
export async function releaseClaims(db: Kysely<DB>, projectId: string): Promise<void> {
  await db.deleteFrom('need_claims').where('project_id', '=', projectId).execute();
}

/** Merges the duplicates into the survivor, all or none; returns the issues (nothing written) or []. */
export function mergeNeedsAtomically(db: Kysely<DB>, survivorId: string, duplicateIds: readonly string[], by: By): Promise<FieldIssue[]> {
  return db.transaction().execute(async (trx) => {
    const locked = await lockNeeds(trx, [survivorId, ...duplicateIds]);
    const issues = mergeIssues(locked.get(survivorId)!, duplicateIds.map((id) => locked.get(id)!));
    if (issues.length) return issues;
    await trx.updateTable('needs').set({ merged_into: survivorId }).where('id', 'in', [...duplicateIds]).execute();
    await recordNeedEvents(trx, [
      ...duplicateIds.map((id) => ({ needId: id, action: 'MERGED_INTO' as const, actor: by, detail: { survivorId } })),
      { needId: survivorId, action: 'ABSORBED_DUPLICATE', actor: by, detail: { duplicateIds: [...duplicateIds] } },
    ]);
    return [];
  });
}

/** Confirms a presumed need once: true when this call confirmed it, false when it already was. */
export function confirmPresumedNeedOnce(db: Kysely<DB>, needId: string, by: By): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('needs').set({ confirmed_at: new Date(), confirmed_by: by.subject }).where('id', '=', needId).where('confirmed_at', 'is', null).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await recordNeedEvents(trx, [{ needId, action: 'CONFIRMED', actor: by }]);
    return true;
  });
}
