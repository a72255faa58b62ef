// When a daily digest goes out. Pure.

export const DELIVERIES = ['IMMEDIATE', 'DAILY_DIGEST'] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** An outbox row: PENDING (waiting, or held for the digest), SENT, or FAILED with its last error. */
export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** The first digest time (hourUtc:00 UTC) strictly after `queuedAt`: a notice waits at most a day. */
export function nextDigestAt(queuedAt: Date, hourUtc: number): Date {
  const at = new Date(Date.UTC(queuedAt.getUTCFullYear(), queuedAt.getUTCMonth(), queuedAt.getUTCDate(), hourUtc));
  if (at.getTime() <= queuedAt.getTime()) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** Is a person's digest due now? It is once the digest time after their oldest waiting notice has come. */
export function digestDue(oldestQueuedAt: Date, now: Date, hourUtc: number): boolean {
  return now.getTime() >= nextDigestAt(oldestQueuedAt, hourUtc).getTime();
}
