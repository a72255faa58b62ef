// Re-prioritisation page by page: a keyset page of needs with what their priority depends on, the page's
// priorities written in bulk (one multi-row statement of arrays), and the ranking of a whole run in SQL.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { needsWithStatus, type PoolNeedRow } from './needs-pool.js';

/** Up to `limit` needs with ids after `after` (in id order), each with its project's stage and latest verdict. */
export function loadNeedsPage(db: Kysely<DB>, after: string | null, limit: number): Promise<PoolNeedRow[]> {
  let query = needsWithStatus(db);
  if (after !== null) query = query.where('n.id', '>', after);
  return query.orderBy('n.id').limit(limit).execute() as Promise<PoolNeedRow[]>;
}

/**
 * Writes a page's priorities for a run; a retried page writes nothing twice. Each need is staged narrow
 * (id, score, waiting since, the key of its parts); each distinct parts array once per run.
 */
export async function stagePriorities(db: Kysely<DB>, workflowId: string, rows: { needId: string; score: number; identifiedAt: string; parts: unknown[] }[]): Promise<void> {
  if (rows.length === 0) return;
  const distinct = new Map<string, string>(); // parts as JSON -> its key (the hash of that JSON)
  const keys = rows.map((r) => {
    const json = JSON.stringify(r.parts);
    let key = distinct.get(json);
    if (key === undefined) distinct.set(json, (key = createHash('sha1').update(json).digest('base64url')));
    return key;
  });
  await db.transaction().execute(async (trx) => {
    await sql`
      insert into priority_staging_parts (workflow_id, parts_key, parts)
      select ${workflowId}, k, p::jsonb from unnest(${[...distinct.values()]}::text[], ${[...distinct.keys()]}::text[]) as t(k, p)
      on conflict do nothing`.execute(trx);
    await sql`
      insert into priority_snapshot_staging (workflow_id, need_id, score, identified_at, parts_key)
      select ${workflowId}, * from unnest(${rows.map((r) => r.needId)}::text[], ${rows.map((r) => r.score)}::numeric[], ${rows.map((r) => r.identifiedAt)}::timestamptz[], ${keys}::text[])
      on conflict do nothing`.execute(trx);
  });
}

/**
 * Records the run's snapshot: ranks every staged need at once (score, then the longer wait, then the
 * id), writes the entries and empties the run's staging rows, in one transaction; a second call for the
 * same run returns the snapshot already recorded.
 */
export async function recordRankedSnapshot(
  db: Kysely<DB>,
  snapshot: { workflowId: string; trigger: string; takenAt: string; weightSetId: number | null; regionsFlagged: unknown[]; presumedGenerated: number },
): Promise<{ id: number; openNeeds: number }> {
  return db.transaction().execute(async (trx) => {
    const { count } = await trx.selectFrom('priority_snapshot_staging').select((eb) => eb.fn.countAll<string>().as('count')).where('workflow_id', '=', snapshot.workflowId).executeTakeFirstOrThrow();
    const inserted = await trx
      .insertInto('priority_snapshots')
      .values({
        workflow_id: snapshot.workflowId, trigger: snapshot.trigger, taken_at: snapshot.takenAt, weight_set_id: snapshot.weightSetId,
        open_needs: Number(count), regions_flagged: JSON.stringify(snapshot.regionsFlagged), presumed_generated: snapshot.presumedGenerated,
      })
      .onConflict((oc) => oc.column('workflow_id').doNothing())
      .returning(['id', 'open_needs'])
      .executeTakeFirst();
    if (!inserted) {
      const done = await trx.selectFrom('priority_snapshots').select(['id', 'open_needs']).where('workflow_id', '=', snapshot.workflowId).executeTakeFirstOrThrow();
      return { id: done.id, openNeeds: done.open_needs };
    }
    // Every run fills the staging tables and empties them, so their statistics describe another moment
    // (often empty tables): refreshed here so the join below is planned for the rows it has. A second
    // run at 100,000 needs once took 427 s in this step, against 8-12 s for the others (bench:priorities
    // --phases at load ~20); the plan was not captured.
    await sql`analyze priority_snapshot_staging, priority_staging_parts`.execute(trx);
    // Ties on score go to the longer-waiting need, then to the id (in byte order, the same on every server).
    await sql`
      insert into priority_snapshot_entries (snapshot_id, need_id, rank, score, parts)
      select ${inserted.id}, s.need_id, row_number() over (order by s.score desc, s.identified_at, s.need_id collate "C"), s.score, coalesce(s.parts, d.parts)
      from priority_snapshot_staging s
      left join priority_staging_parts d on d.workflow_id = s.workflow_id and d.parts_key = s.parts_key
      where s.workflow_id = ${snapshot.workflowId}`.execute(trx);
    await trx.deleteFrom('priority_snapshot_staging').where('workflow_id', '=', snapshot.workflowId).execute();
    await trx.deleteFrom('priority_staging_parts').where('workflow_id', '=', snapshot.workflowId).execute();
    return { id: inserted.id, openNeeds: inserted.open_needs };
  });
}
