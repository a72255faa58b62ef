// Re-prioritisation page by page: a keyset page of needs with what their priority depends on and their
// place in the ranking as it stands (so a page writes only the priorities that changed), and the run's
// snapshot numbered from the ranking in SQL.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.js';
import { currentWeightSet, needsPriorityPageInputs, type PriorityPageRow } from './needs-pool.js';
import { markWholeRankingStale, pageRangeSql, rankingIsStale, refreshStaleRanking, type PageRange, type RankedNow } from './need-ranking.js';

/**
 * Up to `limit` needs in the range (in id order), each with its project's stage and latest verdict, and
 * the ranking's row of those that have one.
 */
export async function loadNeedsPage(db: Kysely<DB>, range: PageRange, limit: number): Promise<{ rows: PriorityPageRow[]; ranked: Map<string, RankedNow> }> {
  const rows = await needsPriorityPageInputs(db)
    // The page's range on the ranking too: without it the planner merge-joined the ranking from its first
    // row on every page (54,446 ranking rows read for a page of 10,000 halfway through 100,000 needs; at
    // 1,000,000 a page took 480 ms to read on average, against 90 ms at 100,000).
    .leftJoin('need_ranking as r', (join) => join.onRef('r.need_id', '=', 'n.id').on(pageRangeSql('r.need_id', range)))
    // Of the ranking's row, only what writeRanking compares, the State, area and time that it ranked compared
    // here (node spent more time decoding columns than computing priorities).
    .select([
      sql<string | null>`r.score::text`.as('ranked_score'), 'r.parts_key as ranked_parts_key',
      sql<boolean | null>`r.state_code = n.state_code AND r.priority_area = n.priority_area AND r.identified_at = date_trunc('milliseconds', n.created_at)`.as('ranked_as_read'),
    ])
    .where(pageRangeSql('n.id', range))
    .orderBy('n.id')
    .limit(limit)
    .execute();
  const ranked = new Map<string, RankedNow>();
  for (const r of rows) if (r.ranked_score !== null) ranked.set(r.id, { score: r.ranked_score, partsKey: r.ranked_parts_key, asRead: r.ranked_as_read === true });
  return { rows: rows as unknown as PriorityPageRow[], ranked };
}

/** How many needs the pool holds, and the ids at these places in id order (where a run's lanes begin). */
export async function needIdsAtPlaces(db: Kysely<DB>, places: (needs: number) => number[]): Promise<string[]> {
  const { needs } = await db.selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('needs')).executeTakeFirstOrThrow();
  const at = places(Number(needs));
  if (at.length === 0) return [];
  // One index-only scan per place, in the order pages walk (needs.id's collation).
  const rows = await sql<{ id: string }>`
    SELECT (SELECT id FROM needs ORDER BY id OFFSET p LIMIT 1) AS id FROM unnest(${at}::int[]) WITH ORDINALITY AS t(p, k) ORDER BY k`.execute(db);
  return rows.rows.map((r) => r.id).filter((id) => id !== null);
}

/**
 * Records the run's snapshot from the needs pool's ranking, which the run's pages have just brought to the
 * run's clock: the entries are the ranking's rows in its index order (score, then the longer wait, then
 * the id in byte order), numbered, in one statement. What the pages did not cover is brought in first:
 * needs written since their page (marked stale by trigger) are ranked at the run's clock; when the weights
 * in force are no longer the run's (a decision recorded, or one dated ahead coming into force, during the
 * run), every need is ranked again with them, and the snapshot names them. The weights and the rows are
 * read in one repeatable-read transaction, so they agree. A second call for the same run returns the
 * snapshot already recorded.
 */
export async function recordSnapshotFromRanking(
  db: Kysely<DB>,
  snapshot: { workflowId: string; trigger: string; takenAt: string; weightSetId: number | null; regionsFlagged: unknown[]; presumedGenerated: number },
  opts: { mayRankAllAgain?: boolean } = {},
): Promise<{ id: number; openNeeds: number; weightSetId: number | null }> {
  const at = new Date(snapshot.takenAt);
  // Ranking every need again is asked for once: a retry of this step (ranking 1,000,000 needs can outlast
  // its timeout) goes on with the marks the first attempt left, instead of marking them all again.
  let mayRankAllAgain = opts.mayRankAllAgain ?? true;
  for (let attempt = 1; ; attempt++) {
    await refreshStaleRanking(db, at);
    const recorded = await db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
      const done = await trx.selectFrom('priority_snapshots').select(['id', 'open_needs', 'weight_set_id']).where('workflow_id', '=', snapshot.workflowId).executeTakeFirst();
      if (done) return { id: done.id, openNeeds: done.open_needs, weightSetId: done.weight_set_id };
      const inForce = (await currentWeightSet(trx))?.id ?? null;
      // Rows ranked with other weights, or still waiting for their first ranking, would not be this run's.
      const weightsMoved = inForce !== snapshot.weightSetId && mayRankAllAgain;
      if (attempt < 3 && (weightsMoved || (await rankingIsStale(trx)))) return { rankAgain: weightsMoved };
      const inserted = await trx
        .insertInto('priority_snapshots')
        .values({
          workflow_id: snapshot.workflowId, trigger: snapshot.trigger, taken_at: snapshot.takenAt, weight_set_id: inForce,
          open_needs: 0, regions_flagged: JSON.stringify(snapshot.regionsFlagged), presumed_generated: snapshot.presumedGenerated,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Each explanation once per snapshot; entries name theirs by key (rows ranked before 0150 carry theirs inline).
      await sql`
        insert into priority_snapshot_explanations (snapshot_id, parts_key, parts)
        select ${inserted.id}, parts_key, any_value(parts) from need_ranking where parts_key is not null group by parts_key`.execute(trx);
      const entries = await sql`
        insert into priority_snapshot_entries (snapshot_id, need_id, rank, score, parts, parts_key)
        select ${inserted.id}, need_id, row_number() over (order by sort_score, identified_at, need_id collate "C"), score,
               case when parts_key is null then parts end, parts_key
        from need_ranking`.execute(trx);
      const openNeeds = Number(entries.numAffectedRows ?? 0);
      await trx.updateTable('priority_snapshots').set({ open_needs: openNeeds }).where('id', '=', inserted.id).execute();
      // Pages of a run begun before this release staged their priorities: nothing reads them now.
      await trx.deleteFrom('priority_snapshot_staging').where('workflow_id', '=', snapshot.workflowId).execute();
      await trx.deleteFrom('priority_staging_parts').where('workflow_id', '=', snapshot.workflowId).execute();
      return { id: inserted.id, openNeeds, weightSetId: inForce };
    });
    if (!('rankAgain' in recorded)) return recorded;
    if (recorded.rankAgain) {
      await markWholeRankingStale(db);
      mayRankAllAgain = false;
    }
  }
}
