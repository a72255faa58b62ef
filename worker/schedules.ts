// The Temporal Schedule that runs the re-prioritisation of the needs pool (daily by default).
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { TASK_QUEUE } from '../workflows/definitions.js';

export const REPRIORITISATION_SCHEDULE_ID = 'palermo-reprioritisation';
export const DEFAULT_REPRIORITISATION_CRON = '0 2 * * *'; // 02:00 UTC every day

/** Creates the schedule if it does not exist yet; safe to call from every worker at start. */
export async function ensureReprioritisationSchedule(client: Client, opts: { taskQueue?: string; cron?: string } = {}): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId: REPRIORITISATION_SCHEDULE_ID,
      spec: { cronExpressions: [opts.cron ?? DEFAULT_REPRIORITISATION_CRON] },
      action: { type: 'startWorkflow', workflowType: 'reprioritisation', args: [{ trigger: 'SCHEDULE' }], taskQueue: opts.taskQueue ?? TASK_QUEUE },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
}
