// The periodic re-prioritisation of all open needs (run daily by a Temporal Schedule, or on demand),
// page by page (activities/reprioritisation-pages.ts): no activity holds the whole pool.
import { patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createNeedsPoolActivities, ReprioritisationResult } from '../activities/needs-pool.js';
import type { createReprioritisationPageActivities } from '../activities/reprioritisation-pages.js';

/** Needs read per activity (the memory of one page). */
export const NEEDS_PAGE_SIZE = 10_000;

const retry = { initialInterval: '5 seconds', maximumInterval: '5 minutes' };
const { recomputePriorities } = proxyActivities<ReturnType<typeof createNeedsPoolActivities>>({ startToCloseTimeout: '10 minutes', retry });
const { prepareReprioritisation, prioritiseNeedsPage, recordReprioritisation } = proxyActivities<ReturnType<typeof createReprioritisationPageActivities>>({
  startToCloseTimeout: '2 minutes',
  retry,
});

export async function reprioritisation(input: { trigger: 'SCHEDULE' | 'ON_DEMAND'; pageSize?: number } = { trigger: 'SCHEDULE' }): Promise<ReprioritisationResult> {
  const run = { workflowId: workflowInfo().workflowId, trigger: input.trigger, at: new Date().toISOString() };
  // Runs started before paging replay as they ran: one activity over the whole pool.
  if (!patched('reprioritisation-in-pages')) return recomputePriorities(run);
  const prepared = await prepareReprioritisation(run);
  if ('done' in prepared) return prepared.done;
  const limit = input.pageSize ?? NEEDS_PAGE_SIZE;
  for (let after: string | null = null; ; ) {
    const page: { last: string | null; read: number } = await prioritiseNeedsPage({ run, weights: prepared.inputs.weights, instrumentWeights: prepared.inputs.instrumentWeights ?? {}, after, limit });
    after = page.last;
    if (page.last === null || page.read < limit) break;
  }
  return recordReprioritisation({ run, inputs: prepared.inputs });
}
