// The periodic re-prioritisation of all open needs (run daily by a Temporal Schedule, or on demand),
// page by page (activities/reprioritisation-pages.ts): no activity holds the whole pool. The pool is cut
// into lanes by need id (domain/pool-lanes.ts), and each lane's pages run one after the other while the
// other lanes' do too: on two cores, one page's rule runs in node while another's SQL runs in PostgreSQL.
import { ApplicationFailure, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createNeedsPoolActivities, ReprioritisationResult } from '../activities/needs-pool.js';
import type { createReprioritisationPageActivities } from '../activities/reprioritisation-pages.js';
import { DEFAULT_LANES, laneCountProblem, type PoolLane } from '../domain/pool-lanes.js';

/** Needs read per activity (the memory of one page). */
export const NEEDS_PAGE_SIZE = 10_000;

const retry = { initialInterval: '5 seconds', maximumInterval: '5 minutes' };
const { recomputePriorities } = proxyActivities<ReturnType<typeof createNeedsPoolActivities>>({ startToCloseTimeout: '10 minutes', retry });
const { prepareReprioritisation, planReprioritisationLanes, prioritiseNeedsPage, recordReprioritisation } = proxyActivities<ReturnType<typeof createReprioritisationPageActivities>>({
  startToCloseTimeout: '2 minutes',
  retry,
});

export interface ReprioritisationInput {
  trigger: 'SCHEDULE' | 'ON_DEMAND';
  pageSize?: number;
  /** Page loops run at once, each over its range of the pool (1 to 8, default 2). */
  lanes?: number;
}

export async function reprioritisation(input: ReprioritisationInput = { trigger: 'SCHEDULE' }): Promise<ReprioritisationResult> {
  const run = { workflowId: workflowInfo().workflowId, trigger: input.trigger, at: new Date().toISOString() };
  // Runs started before paging replay as they ran: one activity over the whole pool.
  if (!patched('reprioritisation-in-pages')) return recomputePriorities(run);
  // Runs started before lanes replay as they ran: one page loop over the whole pool.
  const inLanes = patched('reprioritisation-lanes');
  const lanes = input.lanes ?? DEFAULT_LANES;
  const problem = inLanes ? laneCountProblem(lanes) : null;
  // Refused before anything is written (prepare writes presumed needs).
  if (problem) throw ApplicationFailure.create({ type: 'VALIDATION_FAILED', message: problem, nonRetryable: true });
  const prepared = await prepareReprioritisation(run);
  if ('done' in prepared) return prepared.done;
  const limit = input.pageSize ?? NEEDS_PAGE_SIZE;
  const pages = async (lane?: PoolLane) => {
    for (let after: string | null = null; ; ) {
      const page: { last: string | null; read: number } = await prioritiseNeedsPage({
        run, weights: prepared.inputs.weights, instrumentWeights: prepared.inputs.instrumentWeights ?? {}, after, limit, ...(lane ? { lane } : {}),
      });
      after = page.last;
      if (page.last === null || page.read < limit) break;
    }
  };
  if (inLanes) await Promise.all((await planReprioritisationLanes({ lanes })).map((lane) => pages(lane)));
  else await pages();
  return recordReprioritisation({ run, inputs: prepared.inputs });
}
