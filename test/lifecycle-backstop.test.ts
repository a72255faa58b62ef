// The deferred backstop, read from the workflow's history: an event committed for a caller that projects
// (the API) waits up to `projectionBackstop` for that caller's next projectedUpTo before the projection
// activity writes it. Transitions through the API leave the activity to none of them but the last; an
// event nobody writes still reaches the read model, through the activity, after the delay; and a caller
// waiting for the read model does not wait for the delay. An event that comes at a person's pace (longer
// than the delay after the one before) is projected at once, as before the deferral. The timer runs for a
// quiet period: a caller's write drops an event without cancelling it.
import type { temporal } from '@temporalio/proto';
import { msToNumber } from '@temporalio/common/lib/time.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRequest } from '../api/lifecycle.js';
import type { Actor } from '../domain/roles.js';
import { actionUpdate, DEFAULT_TIMINGS, PROJECT_WORKFLOW_TYPE, readModelCaughtUpUpdate, startAssessmentUpdate } from '../workflows/definitions.js';
import { caller, must, type Caller } from './support/actions.js';
import { projectEndorsed, projectInDelivery } from './support/delivery.js';
import { fetchEvents, patchIds, projectedSeqs } from './support/projection-history.js';
import { gabonReportingRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const gabon: Actor = { subject: 'fp-gab', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' };
const manager: Actor = { subject: 'pm-backstop', role: 'PROGRAMME_MANAGER' };
const DELAY_MS = msToNumber(DEFAULT_TIMINGS.projectionBackstop);

let stack: Stack;
let pm: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, manager);
});
afterAll(() => stack?.stop());

const historyOf = (projectId: string) => fetchEvents(stack.client, projectId);

/**
 * The backstop's timers (at most `projectionBackstop`; reminders run for days; the timer that waits for a
 * burst's end to upsert the search attributes carries a summary): started, cancelled, fired.
 */
function backstopTimers(events: HistoryEvent[]) {
  const ids = new Set(events.filter((e) => e.timerStartedEventAttributes && !e.userMetadata?.summary && durationMs(e.timerStartedEventAttributes.startToFireTimeout) <= DELAY_MS).map((e) => e.timerStartedEventAttributes!.timerId!));
  return {
    started: ids.size,
    cancelled: events.filter((e) => ids.has(e.timerCanceledEventAttributes?.timerId ?? '')).length,
    fired: events.filter((e) => ids.has(e.timerFiredEventAttributes?.timerId ?? '')),
  };
}
function durationMs(d: temporal.api.history.v1.ITimerStartedEventAttributes['startToFireTimeout']): number {
  return Number(d?.seconds ?? 0) * 1000 + Math.round((d?.nanos ?? 0) / 1e6);
}

const eventIndex = (events: HistoryEvent[], e: HistoryEvent) => events.indexOf(e);
const scheduledIndexOf = (events: HistoryEvent[], seq: number) => events.findIndex((e) => projectedSeqs([e])[0] === seq);

describe('the deferred projection backstop', () => {
  it('leaves the projection activity to none of a run of transitions through the API but the last, which it projects after the delay', { timeout: 120_000 }, async () => {
    // Seven transitions through GraphQL (events 2-8), each answered once committed and written by the API.
    const { id } = await projectInDelivery(stack, pm, 'SLE', 'Witness protection mentoring, deferred backstop');
    const right = await historyOf(id);
    const lastSeq = 8;
    // The filing is projected at once (not committed for a caller that projects); no transition is,
    // unless the delay has already passed for the last one.
    expect(projectedSeqs(right).filter((seq) => seq !== lastSeq)).toEqual([1]);

    // After the delay the last one, which no later projectedUpTo covered, is written by the activity (it finds it applied).
    await expect.poll(async () => projectedSeqs(await historyOf(id)), { timeout: DELAY_MS + 30_000, interval: 500 }).toEqual([1, lastSeq]);
    const events = await historyOf(id);
    const timers = backstopTimers(events);
    // A timer per quiet period, not per transition: the next Update's projectedUpTo drops an event without
    // cancelling it; when it fires, the last event waits for what is left of its own delay (a second timer).
    expect(timers.started).toBeGreaterThanOrEqual(1);
    expect(timers.started).toBeLessThan(lastSeq - 1);
    expect(timers.cancelled).toBe(0);
    expect(timers.fired).toHaveLength(timers.started);
    expect(eventIndex(events, timers.fired.at(-1)!)).toBeLessThan(scheduledIndexOf(events, lastSeq));
    const row = await stack.db.selectFrom('projects').select(['stage', 'last_event_seq']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'IN_DELIVERY', last_event_seq: lastSeq });
  });

  it('leaves the events before a closing transition through the API to the API, and projects the closing one at once', { timeout: 120_000 }, async () => {
    // Four transitions through GraphQL (events 2-5), then the cancellation (event 6), which waits for its projection.
    const { id } = await projectEndorsed(stack, pm, 'SLE', 'Witness protection mentoring, cancelled');
    await must(stack, pm, 'cancel', id, { reason: 'The State withdrew its request' });
    const events = await historyOf(id);
    // The cancellation said the read model held event 5: only the filing and the cancellation itself went through the activity.
    expect(projectedSeqs(events)).toEqual([1, 6]);
    // One timer ran from the first transition; the cancellation, waiting for the read model, cancelled it.
    const timers = backstopTimers(events);
    expect(timers.cancelled).toBe(1);
    expect(timers.started - timers.fired.length).toBe(1);
    expect(timers.started).toBeLessThan(4);
    const row = await stack.db.selectFrom('projects').select(['stage', 'last_event_seq']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'CANCELLED', last_event_seq: 6 });
  });

  it('projects an event its caller never wrote through the activity, after the delay', { timeout: 120_000 }, async () => {
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue });
    const handle = stack.client.workflow.getHandle(projectId);
    // Straight to the workflow, claiming to project, and then writing nothing (as a crashed API would).
    const answer = await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    expect(answer.events?.map((p) => p.event.seq)).toEqual([2]);

    await expect
      .poll(async () => (await stack.db.selectFrom('projects').select('last_event_seq').where('id', '=', projectId).executeTakeFirstOrThrow()).last_event_seq, { timeout: DELAY_MS + 30_000, interval: 250 })
      .toBe(2);
    const events = await historyOf(projectId);
    expect(projectedSeqs(events)).toEqual([1, 2]);
    const timers = backstopTimers(events);
    expect(timers).toMatchObject({ started: 1, cancelled: 0 });
    expect(timers.fired).toHaveLength(1);
    // The activity was scheduled only once the backstop's timer had fired.
    expect(eventIndex(events, timers.fired[0]!)).toBeLessThan(scheduledIndexOf(events, 2));
    const rows = await stack.db.selectFrom('project_events').select(['seq', 'action']).where('project_id', '=', projectId).orderBy('seq').execute();
    expect(rows).toEqual([{ seq: 1, action: 'fileRequest' }, { seq: 2, action: 'startAssessment' }]);
  });

  it('carries events that may wait for their caller across a continue-as-new, and projects them there after the delay', { timeout: 120_000 }, async () => {
    // A run this short continues as new after the filing and two Updates.
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue, maxHistoryEvents: 20 });
    const handle = stack.client.workflow.getHandle(projectId);
    await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    await handle.executeUpdate(actionUpdate('startPlanning'), { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    // Nobody writes events 2 and 3.
    await expect
      .poll(async () => (await stack.db.selectFrom('projects').select('last_event_seq').where('id', '=', projectId).executeTakeFirstOrThrow()).last_event_seq, { timeout: DELAY_MS + 30_000, interval: 250 })
      .toBe(3);
    // The second run projected them (a third, if the short run continued as new again once they were, none).
    const runs: HistoryEvent[][] = [];
    for (let runId: string | undefined = (await handle.describe()).runId; runId; ) {
      const events: HistoryEvent[] = (await stack.client.workflow.getHandle(projectId, runId).fetchHistory()).events ?? [];
      runs.unshift(events);
      runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    }
    expect(runs.map((r) => projectedSeqs(r))).toEqual([[1], [2, 3], ...runs.slice(2).map(() => [])]);
    // The second run got them still marked as committed for a caller that projects.
    const started = runs[1]![0]!.workflowExecutionStartedEventAttributes!;
    const carried = JSON.parse(Buffer.from(started.input!.payloads![0]!.data!).toString('utf8')).carried as { unprojected: { event: { seq: number } }[]; callerProjectsSeqs?: number[] };
    expect(carried.unprojected.map((p) => p.event.seq)).toEqual([2, 3]);
    expect(carried.callerProjectsSeqs).toEqual([2, 3]);
    expect(backstopTimers(runs[1]!).fired.length).toBeGreaterThan(0);
  });

  it('projects at once an event that comes at a person\'s pace, and defers only within a burst of actions', { timeout: 120_000 }, async () => {
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue, timings: { projectionBackstop: '2 seconds' } });
    const handle = stack.client.workflow.getHandle(projectId);
    // Longer than the delay after the filing: the activity projects it at once, no timer.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    await expect.poll(async () => projectedSeqs(await historyOf(projectId)), { timeout: 30_000, interval: 250 }).toEqual([1, 2]);
    expect(backstopTimers(await historyOf(projectId)).started).toBe(0);
    // Right after it: a burst, so this one waits for its caller (who writes nothing here: the timer fires).
    await handle.executeUpdate(actionUpdate('startPlanning'), { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 2 }] });
    await expect.poll(async () => projectedSeqs(await historyOf(projectId)), { timeout: 30_000, interval: 250 }).toEqual([1, 2, 3]);
    const events = await historyOf(projectId);
    const timers = backstopTimers(events);
    expect(timers).toMatchObject({ started: 1, cancelled: 0 });
    expect(eventIndex(events, timers.fired[0]!)).toBeLessThan(scheduledIndexOf(events, 3));
  });

  it('answers a caller waiting for the read model without waiting for the delay', { timeout: 120_000 }, async () => {
    // The API's fallback when its own write failed: readModelCaughtUp without callerProjects.
    const first = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue });
    const waited = stack.client.workflow.getHandle(first.projectId);
    await waited.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    const started = performance.now();
    const caughtUp = await waited.executeUpdate(readModelCaughtUpUpdate, { args: [{ seq: 2 }] });
    const waitedMs = performance.now() - started;
    expect(caughtUp).toMatchObject({ lastSeq: 2, projectedSeq: 2 });

    // A transition that waits for its own projection (no callerProjects) behind an event committed for a caller that projects.
    const second = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue });
    const behind = stack.client.workflow.getHandle(second.projectId);
    await behind.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    const planning = await behind.executeUpdate(actionUpdate('startPlanning'), { args: [{ actor: manager, payload: {} }] });
    expect(planning).toMatchObject({ stage: 'PLANNING', lastSeq: 3, projectedSeq: 3 });
    console.log(`a waiter for the read model was answered in ${waitedMs.toFixed(0)} ms (the backstop's delay: ${DELAY_MS} ms)`);

    for (const { projectId } of [first, second]) {
      const events = await historyOf(projectId);
      // The wait cut the backstop short: its timer was cancelled, not fired, and the activity wrote the events at once.
      const timers = backstopTimers(events);
      expect(timers).toMatchObject({ started: 1, cancelled: 1 });
      expect(timers.fired).toHaveLength(0);
      expect(projectedSeqs(events)).toEqual(projectId === first.projectId ? [1, 2] : [1, 2, 3]);
    }
    const row = await stack.db.selectFrom('projects').select(['stage', 'last_event_seq']).where('id', '=', second.projectId).executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'PLANNING', last_event_seq: 3 });
  });
});

describe("a burst's search attributes", () => {
  /** Upserts of palermo's search attributes (the SDK upserts TemporalChangeVersion when a run first uses a patch). */
  const upserts = (events: HistoryEvent[]) => events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.PalermoStage);
  /** The timers that wait for a burst's end (they carry a summary; the backstop's do not). */
  const burstTimers = (events: HistoryEvent[]) => {
    const ids = new Set(events.filter((e) => e.timerStartedEventAttributes && e.userMetadata?.summary).map((e) => e.timerStartedEventAttributes!.timerId!));
    return {
      started: ids.size,
      fired: events.filter((e) => ids.has(e.timerFiredEventAttributes?.timerId ?? '')),
      cancelled: events.filter((e) => ids.has(e.timerCanceledEventAttributes?.timerId ?? '')).length,
    };
  };
  const stageSeenByTemporal = async (projectId: string) => (await stack.client.workflow.getHandle(projectId).describe()).searchAttributes.PalermoStage;
  const withDelay = { taskQueue: '', timings: { projectionBackstop: '2 seconds' } };

  it('upserts them once the burst is over, with a timer per quiet period, not per transition', { timeout: 120_000 }, async () => {
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { ...withDelay, taskQueue: stack.taskQueue });
    const handle = stack.client.workflow.getHandle(projectId);
    await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    await handle.executeUpdate(actionUpdate('startPlanning'), { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 2 }] });
    // The starter set the filing's; nothing upserted yet within the burst.
    expect(upserts(await historyOf(projectId))).toHaveLength(0);
    expect(await stageSeenByTemporal(projectId)).toEqual(['SUBMITTED']);

    await expect.poll(() => stageSeenByTemporal(projectId), { timeout: 30_000, interval: 250 }).toEqual(['PLANNING']);
    const events = await historyOf(projectId);
    expect(upserts(events)).toHaveLength(1);
    // A timer runs from the first deferred change to the delay's end, and once more if an event came meanwhile:
    // never cancelled and started again at each transition, as the backstop's are.
    const timers = burstTimers(events);
    expect(timers.started).toBeGreaterThanOrEqual(1);
    expect(timers.started).toBeLessThanOrEqual(2);
    expect(timers).toMatchObject({ cancelled: 0 });
    expect(timers.fired).toHaveLength(timers.started);
    // The upsert came when the last of them fired.
    expect(eventIndex(events, timers.fired.at(-1)!)).toBeLessThan(eventIndex(events, upserts(events)[0]!));
  });

  it('upserts them at once at a person\'s pace, and when a burst ends the project', { timeout: 120_000 }, async () => {
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { ...withDelay, taskQueue: stack.taskQueue });
    const handle = stack.client.workflow.getHandle(projectId);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    expect(upserts(await historyOf(projectId))).toHaveLength(1);
    expect(burstTimers(await historyOf(projectId)).started).toBe(0);

    // Within the delay: waits for the burst's end, which the cancellation (right after) brings about.
    await handle.executeUpdate(actionUpdate('startPlanning'), { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 2 }] });
    await handle.executeUpdate(actionUpdate('cancel'), { args: [{ actor: manager, payload: { reason: 'The State withdrew its request' } }] });
    await handle.result();
    const events = await historyOf(projectId);
    expect(upserts(events)).toHaveLength(2);
    expect(burstTimers(events)).toMatchObject({ started: 1, cancelled: 1, fired: [] });
    await expect.poll(() => stageSeenByTemporal(projectId), { timeout: 30_000, interval: 250 }).toEqual(['CANCELLED']);
  });
});

describe('the workflow type new projects run as', () => {
  /** The ids of the patches a history recorded, and the SDK's TemporalChangeVersion upserts that come with them. */
  const patchesOf = (events: HistoryEvent[]) => ({
    markers: patchIds(events),
    changeVersionUpserts: events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.TemporalChangeVersion).length,
  });
  /** A burst through the API's Updates (each answered once committed), then a cancellation that ends it. */
  async function burstThenCancel(projectId: string) {
    const handle = stack.client.workflow.getHandle(projectId);
    await handle.executeUpdate(readModelCaughtUpUpdate, { args: [{ seq: 1, callerProjects: true, projectedUpTo: 0 }] });
    await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    await handle.executeUpdate(actionUpdate('startPlanning'), { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 2 }] });
    await handle.executeUpdate(actionUpdate('cancel'), { args: [{ actor: manager, payload: { reason: 'The State withdrew its request' } }] });
    await handle.result();
    return historyOf(projectId);
  }

  /** A project's workflow started as `type` with what the API would start it with. */
  async function startAs(type: string) {
    const request = gabonReportingRequest();
    const projectId = `project-GAB-${request.idempotencyKey}`;
    await stack.client.workflow.start(type, {
      workflowId: projectId, taskQueue: stack.taskQueue,
      args: [{ projectId, stateCode: 'GAB', title: request.title, idempotencyKey: request.idempotencyKey, filedBy: gabon, needs: request.needs.map((need, i) => ({ ...need, id: `${projectId}/need-${i + 1}`, stateCode: 'GAB', source: 'FORMAL_REQUEST' as const })) }],
    });
    return projectId;
  }

  it('runs a project filed now as PROJECT_WORKFLOW_TYPE (projectLifecycleV3), with every change and no patch marker; a projectLifecycle run from an earlier release keeps its patches and does the same', { timeout: 120_000 }, async () => {
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue });
    expect((await stack.client.workflow.getHandle(projectId).describe()).type).toBe(PROJECT_WORKFLOW_TYPE);

    // The same input and Updates, on the same worker: as the API starts it now, and as an earlier release did.
    const current = await burstThenCancel(await startAs(PROJECT_WORKFLOW_TYPE));
    const earlier = await burstThenCancel(await startAs('projectLifecycle'));

    expect(patchesOf(current)).toEqual({ markers: [], changeVersionUpserts: 0 });
    expect(patchesOf(earlier).markers).toEqual(expect.arrayContaining(['search-attributes-after-burst', 'deferred-backstop', 'backstop-per-quiet-period']));
    expect(patchesOf(earlier).changeVersionUpserts).toBe(patchesOf(earlier).markers.length);
    // The same work otherwise: the same events projected by the activity, the same stage upserts, the same end.
    // (How many workflow tasks and quiet-period timers a run takes depends on the machine's timing.)
    expect(projectedSeqs(current)).toEqual(projectedSeqs(earlier));
    const stageUpserts = (events: HistoryEvent[]) => events.filter((e) => e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields?.PalermoStage).length;
    expect(stageUpserts(current)).toBe(stageUpserts(earlier));
    expect(current.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
    expect(earlier.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
  });
});
