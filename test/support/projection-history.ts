// What a lifecycle's Temporal history says about its read-model projection, for the fault tests.
// The only place that knows the projection activity's name and how a test sends a transition as a raw
// Temporal Update: when the workflow's projection or the API's update convention changes, adjust here.
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { applyTransition } from '../../api/lifecycle.js';
import type { Actor } from '../../domain/roles.js';
import type { TransitionName } from '../../domain/transitions.js';
import { actionUpdate, type ProjectSnapshot } from '../../workflows/definitions.js';

/** Activity types that write a lifecycle event into the read model. */
export const PROJECTION_ACTIVITY_TYPES: ReadonlySet<string> = new Set(['projectEvent']);

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** One scheduled projection activity, as the history records it once it has ended. */
export interface ProjectionAttempt {
  scheduledEventId: number;
  scheduledAt: number;
  /** The attempt that ended it (1 = no retry); Temporal writes only the last attempt to history. */
  attempt: number | null;
  /** The failure of the attempt before the last, when there was a retry. */
  lastFailure: string | null;
  startedIdentity: string | null;
  completedAt: number | null;
}

export function eventTimeMs(event: HistoryEvent): number {
  const t = event.eventTime;
  if (!t) return NaN;
  return Number(t.seconds ?? 0) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

function failureText(failure: temporal.api.failure.v1.IFailure | null | undefined): string | null {
  if (!failure) return null;
  const parts: string[] = [];
  for (let f: typeof failure | null | undefined = failure; f; f = f.cause) parts.push(f.message ?? '');
  return parts.join(' <- ');
}

/** Every projection activity the history scheduled, with its attempt count and outcome. */
export function projectionAttempts(events: HistoryEvent[]): ProjectionAttempt[] {
  const byScheduled = new Map<number, ProjectionAttempt>();
  for (const e of events) {
    const id = Number(e.eventId);
    if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
      const name = e.activityTaskScheduledEventAttributes?.activityType?.name ?? '';
      if (PROJECTION_ACTIVITY_TYPES.has(name)) {
        byScheduled.set(id, { scheduledEventId: id, scheduledAt: eventTimeMs(e), attempt: null, lastFailure: null, startedIdentity: null, completedAt: null });
      }
    } else if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
      const a = e.activityTaskStartedEventAttributes!;
      const found = byScheduled.get(Number(a.scheduledEventId));
      if (found) {
        found.attempt = a.attempt ?? null;
        found.lastFailure = failureText(a.lastFailure);
        found.startedIdentity = a.identity ?? null;
      }
    } else if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED) {
      const found = byScheduled.get(Number(e.activityTaskCompletedEventAttributes!.scheduledEventId));
      if (found) found.completedAt = eventTimeMs(e);
    }
  }
  return [...byScheduled.values()];
}

/** The events the projection activity was scheduled for (their seq), in the order it was scheduled. */
export function projectedSeqs(events: HistoryEvent[]): number[] {
  return events.flatMap((e) => {
    const scheduled = e.activityTaskScheduledEventAttributes;
    if (!PROJECTION_ACTIVITY_TYPES.has(scheduled?.activityType?.name ?? '')) return [];
    const input = JSON.parse(Buffer.from(scheduled!.input!.payloads![0]!.data!).toString('utf8')) as { event: { seq: number } };
    return [input.event.seq];
  });
}

/** Who completed each workflow task (a worker's identity is pid@host), and when. */
export function workflowTaskIdentities(events: HistoryEvent[]): { at: number; identity: string }[] {
  return events
    .filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED)
    .map((e) => ({ at: eventTimeMs(e), identity: e.workflowTaskCompletedEventAttributes?.identity ?? '' }));
}

/** Identities of the workers that started any activity in this history. */
export function activityIdentities(events: HistoryEvent[]): { at: number; identity: string }[] {
  return events
    .filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED)
    .map((e) => ({ at: eventTimeMs(e), identity: e.activityTaskStartedEventAttributes?.identity ?? '' }));
}

/** The ids of the patches a history recorded (`patched()`'s markers), in the order they were recorded. */
export function patchIds(events: readonly HistoryEvent[]): string[] {
  return events.flatMap((e) => e.markerRecordedEventAttributes?.details?.['patch-data']?.payloads ?? []).map((p) => (JSON.parse(Buffer.from(p.data!).toString()) as { id: string }).id);
}

export async function fetchEvents(client: Client, workflowId: string): Promise<HistoryEvent[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return history.events ?? [];
}

/** Projection activities running right now, with their current attempt (DescribeWorkflowExecution). */
export async function pendingProjections(client: Client, workflowId: string): Promise<{ attempt: number; lastFailure: string | null }[]> {
  const described = await client.workflow.getHandle(workflowId).describe();
  return (described.raw.pendingActivities ?? [])
    .filter((a) => PROJECTION_ACTIVITY_TYPES.has(a.activityType?.name ?? ''))
    .map((a) => ({ attempt: a.attempt ?? 0, lastFailure: failureText(a.lastFailure) }));
}

/**
 * Sends a transition the way the API does (same Update, same update id for an idempotency key), without
 * the API's read of PostgreSQL first, so it can be sent while PostgreSQL is down.
 */
export function sendTransition(client: Client, projectId: string, name: TransitionName, actor: Actor, payload: unknown, idempotencyKey: string): Promise<ProjectSnapshot> {
  return applyTransition(client, projectId, actionUpdate(name), { actor, payload }, idempotencyKey);
}
