// Re-prioritisation: recompute every open need's priority in one pass (pure function over the pool
// loaded in bulk) and record a ranked snapshot. Idempotent per workflow run.
import type { Kysely } from 'kysely';
import { prioritisePool } from '../domain/priority.js';
import { STATES_NEEDING_REPORTING_HELP } from '../domain/reporting.js';
import type { DB } from '../db/schema.js';
import { currentWeightSet, loadNeedsWithStatus, snapshotByWorkflow, toPoolNeed, writeSnapshot } from '../db/queries/needs-pool.js';

export interface ReprioritisationResult {
  snapshotId: number;
  openNeeds: number;
  weightSetId: number | null;
}

export function createNeedsPoolActivities(db: Kysely<DB>) {
  return {
    async recomputePriorities(run: { workflowId: string; trigger: string; at: string }): Promise<ReprioritisationResult> {
      const done = await snapshotByWorkflow(db, run.workflowId);
      if (done) return { snapshotId: done.id, openNeeds: done.open_needs, weightSetId: done.weight_set_id };
      const weights = await currentWeightSet(db);
      const pool = (await loadNeedsWithStatus(db)).map(toPoolNeed);
      const ranked = prioritisePool(pool, weights?.weights ?? {}, STATES_NEEDING_REPORTING_HELP, new Date(run.at));
      const snapshotId = await writeSnapshot(
        db,
        { workflowId: run.workflowId, trigger: run.trigger, takenAt: run.at, weightSetId: weights?.id ?? null },
        ranked.map((n) => ({ needId: n.id, rank: n.rank, score: n.priority.score, parts: n.priority.parts })),
      );
      return { snapshotId, openNeeds: ranked.length, weightSetId: weights?.id ?? null };
    },
  };
}
