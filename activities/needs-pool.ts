// Re-prioritisation: recompute every open need's priority in one pass (pure function over the pool
// loaded in bulk) and record a ranked snapshot. Idempotent per workflow run.
import type { Kysely } from 'kysely';
import { REGIONS, STATES } from '../domain/code-lists/index.js';
import { nonReportingStates, presumedReportingNeed, regionReportingRates } from '../domain/presumed-needs.js';
import { prioritisePool } from '../domain/priority.js';
import { STATES_NEEDING_REPORTING_HELP } from '../domain/reporting.js';
import type { DB } from '../db/schema.js';
import { currentWeightSet, insertPresumedNeeds, loadNeedsWithStatus, reportedByCycle, snapshotByWorkflow, toPoolNeed, writeSnapshot } from '../db/queries/needs-pool.js';

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
      // R8: presumed reporting needs for parties that reported in no imported cycle.
      const reported = await reportedByCycle(db);
      const allStates = STATES.map((s) => s.code);
      const presumedGenerated = await insertPresumedNeeds(db, nonReportingStates(allStates, reported).map(presumedReportingNeed));
      const reportedAny = new Set([...reported.values()].flatMap((s) => [...s]));
      const regions = new Map(REGIONS.map((r) => [r.code as string, STATES.filter((s) => (s.regions as readonly string[]).includes(r.code)).map((s) => s.code as string)]));
      const regionsFlagged = reported.size ? regionReportingRates(regions, reportedAny).filter((r) => r.flagged && r.states > 0) : [];
      const weights = await currentWeightSet(db, new Date(run.at));
      const pool = (await loadNeedsWithStatus(db)).map(toPoolNeed);
      const ranked = prioritisePool(pool, weights?.weights ?? {}, STATES_NEEDING_REPORTING_HELP, new Date(run.at), weights?.instrumentWeights ?? {});
      const snapshotId = await writeSnapshot(
        db,
        { workflowId: run.workflowId, trigger: run.trigger, takenAt: run.at, weightSetId: weights?.id ?? null, regionsFlagged, presumedGenerated },
        ranked.map((n) => ({ needId: n.id, rank: n.rank, score: n.priority.score, parts: n.priority.parts })),
      );
      return { snapshotId, openNeeds: ranked.length, weightSetId: weights?.id ?? null };
    },
  };
}
