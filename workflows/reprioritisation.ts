// The periodic re-prioritisation of all open needs (run daily by a Temporal Schedule, or on demand).
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { createNeedsPoolActivities, ReprioritisationResult } from '../activities/needs-pool.js';

const { recomputePriorities } = proxyActivities<ReturnType<typeof createNeedsPoolActivities>>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function reprioritisation(input: { trigger: 'SCHEDULE' | 'ON_DEMAND' } = { trigger: 'SCHEDULE' }): Promise<ReprioritisationResult> {
  return recomputePriorities({ workflowId: workflowInfo().workflowId, trigger: input.trigger, at: new Date().toISOString() });
}
