// Re-prioritisation in pages: no activity holds the whole pool. The workflow asks for the run's inputs
// (presumed needs, flagged regions, the weights in force), then for the pool's lanes (ranges of ids,
// domain/pool-lanes.ts), then, in each lane at once, for one keyset page of needs at a time (each page's
// priorities computed by the pure rule at the run's clock, and those that changed written into the needs
// pool's ranking in bulk), then for the snapshot, which PostgreSQL numbers from the ranking in one
// statement. Memory stays at one page per lane, whatever the pool's size.
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Kysely } from 'kysely';
import { REGIONS, STATES } from '../domain/code-lists/index.js';
import { laneCountProblem, laneCutPlaces, lanesBetween, type PoolLane } from '../domain/pool-lanes.js';
import { nonReportingStates, presumedReportingNeed, regionReportingRates } from '../domain/presumed-needs.js';
import { openNeedPriorities, type InstrumentWeights, type PriorityWeights } from '../domain/priority.js';
import { STATES_NEEDING_REPORTING_HELP } from '../domain/reporting.js';
import type { DB } from '../db/schema.js';
import { currentWeightSet, insertPresumedNeeds, reportedByCycle, snapshotByWorkflow, toPoolNeed } from '../db/queries/needs-pool.js';
import { runWeightsInForce, takePageStaleMarks, writeRanking } from '../db/queries/need-ranking.js';
import { loadNeedsPage, needIdsAtPlaces, recordSnapshotFromRanking } from '../db/queries/priority-pages.js';
import type { ReprioritisationResult } from './needs-pool.js';


export interface ReprioritisationRun {
  workflowId: string;
  trigger: string;
  /** The run's clock (time waiting is counted to it), the same for every page. */
  at: string;
}

export interface RunInputs {
  weightSetId: number | null;
  weights: PriorityWeights;
  /** Absent in runs prepared before weights by instrument existed. */
  instrumentWeights?: InstrumentWeights;
  regionsFlagged: unknown[];
  presumedGenerated: number;
}

/** The steps of a run whose time a bench may ask for (bench:priorities --phases). */
export type ReprioritisationPhase = 'prepare' | 'plan lanes' | 'read page' | 'compute priorities' | 'write ranking' | 'rank snapshot';

export function createReprioritisationPageActivities(db: Kysely<DB>, opts: { onPhase?: (phase: ReprioritisationPhase, ms: number) => void } = {}) {
  const timed = async <T>(phase: ReprioritisationPhase, step: () => Promise<T> | T): Promise<T> => {
    if (!opts.onPhase) return step();
    const started = performance.now();
    try {
      return await step();
    } finally {
      opts.onPhase(phase, performance.now() - started);
    }
  };
  return {
    async prepareReprioritisation(run: ReprioritisationRun): Promise<{ done: ReprioritisationResult } | { inputs: RunInputs }> {
      return timed('prepare', () => prepare(run));
    },

    /** The pool cut into this many lanes of about as many needs (fewer when the pool is smaller). */
    async planReprioritisationLanes(input: { lanes: number }): Promise<PoolLane[]> {
      const problem = laneCountProblem(input.lanes);
      if (problem) throw ApplicationFailure.create({ type: 'VALIDATION_FAILED', message: problem, nonRetryable: true });
      return timed('plan lanes', async () => lanesBetween(await needIdsAtPlaces(db, (needs) => laneCutPlaces(needs, input.lanes))));
    },

    /**
     * Prioritises the open needs among the next page of needs (after `after`, within `lane` when given);
     * `last` is null when there was none.
     */
    async prioritiseNeedsPage(page: { run: ReprioritisationRun; weights: PriorityWeights; instrumentWeights?: InstrumentWeights; after: string | null; limit: number; lane?: PoolLane }): Promise<{ last: string | null; read: number; open: number }> {
      const at = new Date(page.run.at);
      // Into the needs pool's ranking (db/queries/need-ranking.ts), which the snapshot is taken from, in one
      // transaction with the page's stale marks. With weights no longer in force, nothing is written: the
      // last step ranks every need again with the new ones.
      return db.transaction().execute(async (trx) => {
        const inForce = await runWeightsInForce(trx, page.weights, page.instrumentWeights ?? {});
        const { rows, ranked } = await timed('read page', async () => {
          const range = { after: page.after, ...(page.lane ? { lane: page.lane } : {}) };
          if (inForce) await takePageStaleMarks(trx, range, page.limit);
          return loadNeedsPage(trx, range, page.limit);
        });
        if (rows.length === 0) return { last: null, read: 0, open: 0 };
        const open = await timed('compute priorities', () => openNeedPriorities(rows.map(toPoolNeed), page.weights, STATES_NEEDING_REPORTING_HELP, at, page.instrumentWeights ?? {}));
        if (inForce) await timed('write ranking', () => writeRanking(trx, rows.map((r) => r.id), open, at, ranked));
        return { last: rows[rows.length - 1]!.id, read: rows.length, open: open.length };
      });
    },

    async recordReprioritisation(input: { run: ReprioritisationRun; inputs: RunInputs }): Promise<ReprioritisationResult> {
      const { run, inputs } = input;
      const snapshot = await timed('rank snapshot', () => recordSnapshotFromRanking(db, {
        workflowId: run.workflowId, trigger: run.trigger, takenAt: run.at, weightSetId: inputs.weightSetId, regionsFlagged: inputs.regionsFlagged, presumedGenerated: inputs.presumedGenerated,
      }, { mayRankAllAgain: activityAttempt() === 1 }));
      return { snapshotId: snapshot.id, openNeeds: snapshot.openNeeds, weightSetId: snapshot.weightSetId };
    },
  };

  /** This activity's attempt (1 when called in process, as benches and tests do). */
  function activityAttempt(): number {
    try {
      return Context.current().info.attempt;
    } catch {
      return 1;
    }
  }

  /** The run's inputs, or the snapshot a previous attempt of this run already recorded. */
  async function prepare(run: ReprioritisationRun): Promise<{ done: ReprioritisationResult } | { inputs: RunInputs }> {
    const done = await snapshotByWorkflow(db, run.workflowId);
    if (done) return { done: { snapshotId: done.id, openNeeds: done.open_needs, weightSetId: done.weight_set_id } };
    // R8: presumed reporting needs for parties that reported in no imported cycle (idempotent by id).
    const reported = await reportedByCycle(db);
    const presumedGenerated = await insertPresumedNeeds(db, nonReportingStates(STATES.map((s) => s.code), reported).map(presumedReportingNeed));
    const reportedAny = new Set([...reported.values()].flatMap((s) => [...s]));
    const regions = new Map(REGIONS.map((r) => [r.code as string, STATES.filter((s) => (s.regions as readonly string[]).includes(r.code)).map((s) => s.code as string)]));
    const regionsFlagged = reported.size ? regionReportingRates(regions, reportedAny).filter((r) => r.flagged && r.states > 0) : [];
    // The weight set in force at the run's clock; the snapshot records its id.
    const weights = await currentWeightSet(db, new Date(run.at));
    return { inputs: { weightSetId: weights?.id ?? null, weights: weights?.weights ?? {}, instrumentWeights: weights?.instrumentWeights ?? {}, regionsFlagged, presumedGenerated } };
  }
}
