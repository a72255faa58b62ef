// One round of e-mail delivery, started by the Temporal Schedule palermo-mail-dispatch (every few
// seconds; overlap SKIP, so rounds never run side by side). Each message is one activity: transient
// SMTP failures are retried with backoff, a permanent one (5xx) is not; either way a message that could
// not be sent is recorded as FAILED with its reason, and the round goes on with the others.
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities } from '../activities/notifications.js';

export interface MailDispatchInput {
  /** Attempts per message before a transient failure counts as final. */
  maxAttempts?: number;
}

export async function mailDispatch(input: MailDispatchInput = {}): Promise<{ sent: number; failed: number }> {
  const { dueNotifications, recordDeliveryFailure } = proxyActivities<NotificationActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 5 },
  });
  const { sendNotification } = proxyActivities<NotificationActivities>({
    startToCloseTimeout: '2 minutes',
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '1 minute',
      maximumAttempts: input.maxAttempts ?? 6,
      nonRetryableErrorTypes: ['PermanentDeliveryFailure'],
    },
  });
  const batches = await dueNotifications();
  let sent = 0;
  let failed = 0;
  // Ten at a time: a slow relay does not hold the whole round, nor is it flooded.
  for (let i = 0; i < batches.length; i += 10) {
    await Promise.all(
      batches.slice(i, i + 10).map(async (ids) => {
        try {
          await sendNotification(ids);
          sent += 1;
        } catch (err) {
          const cause = err instanceof ActivityFailure ? err.cause : err;
          const reason = cause instanceof ApplicationFailure ? `${cause.message}${cause.nonRetryable ? ' (permanent: not retried)' : ` (gave up after ${input.maxAttempts ?? 6} attempts)`}` : String(cause);
          await recordDeliveryFailure({ ids, reason });
          failed += 1;
        }
      }),
    );
  }
  return { sent, failed };
}
