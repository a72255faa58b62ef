// The Temporal Schedule that delivers the e-mail outbox (workflows/mail-dispatch.ts).
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { TASK_QUEUE } from '../workflows/definitions.js';
import type { MailDispatchInput } from '../workflows/mail-dispatch.js';

/** One schedule per task queue: the default queue keeps the plain id. */
export function mailScheduleId(taskQueue: string = TASK_QUEUE): string {
  return taskQueue === TASK_QUEUE ? 'palermo-mail-dispatch' : `palermo-mail-dispatch-${taskQueue}`;
}

/** Creates the schedule if it does not exist yet; safe to call from every worker at start. */
export async function ensureMailDispatchSchedule(client: Client, opts: { taskQueue?: string; every?: string; dispatch?: MailDispatchInput } = {}): Promise<string> {
  const taskQueue = opts.taskQueue ?? TASK_QUEUE;
  const scheduleId = mailScheduleId(taskQueue);
  try {
    await client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: (opts.every ?? '10 seconds') as '10 seconds' }] },
      action: { type: 'startWorkflow', workflowType: 'mailDispatch', args: [opts.dispatch ?? {}], taskQueue, workflowExecutionTimeout: '1 hour' },
      // A round that is still sending (or waiting for a worker) makes the next ones skip.
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 minute' },
    });
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  return scheduleId;
}
