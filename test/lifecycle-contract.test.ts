// The lifecycle's contract on the real servers: a projection PostgreSQL refuses on the data is not
// retried but escalated; a merge asks its survivor first and an evaluation starts its child first, so
// a refusal or an unreachable partner leaves everything as it was.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../domain/roles.js';
import { startAssessmentUpdate } from '../workflows/definitions.js';
import { act, caller, dacRatings, fileAs, must, readProject, rosterEvaluator, type Caller } from './support/actions.js';
import { projectInDelivery } from './support/delivery.js';
import { fetchEvents } from './support/projection-history.js';
import { hondurasImpunityRequest, gabonReportingRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
const manager: Actor = { subject: 'pm-contract', role: 'PROGRAMME_MANAGER' };

beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, manager);
});
afterAll(() => stack?.stop());

/** Rejects when `promise` has not settled within `ms`: the caller must get an answer, not a hang. */
function answeredWithin<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);
}

describe('a projection PostgreSQL refuses on the data', () => {
  const constraint = 'palermo_test_unprojectable';
  beforeAll(async () => {
    // A row PostgreSQL refuses (SQLSTATE 23514, check_violation) whatever the API's validation lets through.
    await sql`alter table project_events add constraint ${sql.raw(constraint)} check (position('UNPROJECTABLE' in summary::text) = 0) not valid`.execute(stack.db);
  });
  afterAll(async () => {
    await sql`alter table project_events drop constraint if exists ${sql.raw(constraint)}`.execute(stack.db);
  });

  it('is tried once, escalated to the manager, the update answers, and the project goes on', async () => {
    const fp = await caller(stack, { subject: 'fp-HND', role: 'STATE_FOCAL_POINT', stateCode: 'HND' });
    const { id } = await fileAs(stack, fp, hondurasImpunityRequest());
    const handle = stack.client.workflow.getHandle(id);

    // Straight to the workflow with the Temporal client, past the API.
    const snapshot = await answeredWithin(handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: { note: 'UNPROJECTABLE mission note' } }] }), 15_000);
    expect(snapshot).toMatchObject({ stage: 'UNDER_ASSESSMENT', lastSeq: 3, projectedSeq: 2 });

    // The manager sees the escalation, and reads show the stage the workflow is in.
    await expect.poll(async () => (await readProject(stack, pm, id)).escalations, { timeout: 10_000 }).toEqual([
      { kind: 'PROJECTION_FAILED', message: expect.stringMatching(/event 2 \(startAssessment\) is not in the read model: .*palermo_test_unprojectable.*SQLSTATE 23514/) },
    ]);
    const project = await readProject(stack, pm, id);
    expect(project.stage).toBe('UNDER_ASSESSMENT');
    const { body } = await stack.gql('query($id: ID!) { projectTimeline(id: $id, first: 100) { ... on QueryProjectTimelineSuccess { data { edges { node { seq kind action } } } } } }', { id }, pm.token);
    expect(body.data.projectTimeline.data.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { seq: 1, kind: 'FILED', action: 'fileRequest' },
      { seq: 3, kind: 'ESCALATION', action: 'PROJECTION_FAILED' },
    ]);

    // The history: the projection of event 2 failed once, non-retryable, and was never retried.
    const history = (await handle.fetchHistory()).events ?? [];
    const failed = history.filter((e) => e.activityTaskFailedEventAttributes);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.activityTaskFailedEventAttributes!.failure).toMatchObject({ applicationFailureInfo: { type: 'ProjectionRejected', nonRetryable: true } });
    const attempts = history.flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt] : []));
    expect(attempts.every((a) => a === 1)).toBe(true);
    const scheduledId = failed[0]!.activityTaskFailedEventAttributes!.scheduledEventId!;
    const scheduled = history.find((e) => Number(e.eventId) === Number(scheduledId))!.activityTaskScheduledEventAttributes!;
    expect(scheduled.activityType?.name).toBe('projectEvent');

    // Later transitions still work and are read back.
    const planning = await must(stack, pm, 'startPlanning', id);
    expect(planning.stage).toBe('PLANNING');
    expect(planning.history.map((h: { seq: number; action: string }) => `${h.seq}:${h.action}`)).toEqual(['1:fileRequest', '3:PROJECTION_FAILED', '4:startPlanning']);
  });
});

describe('a merge asks the surviving project first', () => {
  async function twoProjectsUnderAssessment() {
    const hnd = await caller(stack, { subject: 'fp-HND', role: 'STATE_FOCAL_POINT', stateCode: 'HND' });
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const merging = await fileAs(stack, hnd, hondurasImpunityRequest());
    const survivor = await fileAs(stack, gab, gabonReportingRequest());
    await must(stack, pm, 'startAssessment', merging.id);
    await must(stack, pm, 'startAssessment', survivor.id);
    return { merging, survivor };
  }

  async function expectUnchanged(mergingId: string, survivorId: string) {
    const merging = await readProject(stack, pm, mergingId);
    expect(merging).toMatchObject({ stage: 'UNDER_ASSESSMENT', mergedInto: null, states: ['HND'] });
    expect(merging.needs.map((n: { id: string }) => n.id)).toEqual([`${mergingId}/need-1`]);
    const survivor = await readProject(stack, pm, survivorId);
    expect(survivor).toMatchObject({ mergedFrom: [], states: ['GAB'] });
    expect(survivor.needs).toHaveLength(1);
    expect(survivor.history.map((h: { kind: string }) => h.kind)).not.toContain('ABSORBED');
    const needRows = await stack.db.selectFrom('needs').select(['id', 'project_id']).where('id', '=', `${mergingId}/need-1`).execute();
    expect(needRows).toEqual([{ id: `${mergingId}/need-1`, project_id: mergingId }]);
  }

  it('a survivor that refuses (it moved on while its read model lagged) refuses the merge; both stay as they were', async () => {
    const { merging, survivor } = await twoProjectsUnderAssessment();
    // Hold the survivor's row so its read model lags behind its workflow, as when PostgreSQL is slow.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = stack.db.transaction().execute(async (trx) => {
      await trx.selectFrom('projects').select('id').where('id', '=', survivor.id).forUpdate().execute();
      locked();
      await released;
    });
    await isLocked;
    const asking = act(stack, pm, 'requestInformation', survivor.id, { question: 'Which ministry leads the reporting?' });
    await expect.poll(async () => (await stack.client.workflow.getHandle(survivor.id).query('snapshot') as { stage: string }).stage).toBe('AWAITING_INFORMATION');
    expect((await readProject(stack, pm, survivor.id)).stage).toBe('UNDER_ASSESSMENT'); // what the API sees

    const refused = await answeredWithin(act(stack, pm, 'merge', merging.id, { intoProjectId: survivor.id, reason: 'One project for both' }), 30_000);
    expect(refused).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'SURVIVOR_REFUSED', message: expect.stringMatching(/absorbs a merge only when UNDER_ASSESSMENT or PLANNING; .* is AWAITING_INFORMATION/) });

    release();
    await holder;
    expect((await asking).stage).toBe('AWAITING_INFORMATION');
    await expectUnchanged(merging.id, survivor.id);
  });

  it('a survivor that cannot be reached refuses the merge; both stay as they were', async () => {
    const { merging, survivor } = await twoProjectsUnderAssessment();
    // Its workflow is gone while the read model still shows it open.
    await stack.client.workflow.getHandle(survivor.id).terminate('test: the surviving project\'s workflow is gone');
    const refused = await answeredWithin(act(stack, pm, 'merge', merging.id, { intoProjectId: survivor.id, reason: 'One project for both' }), 30_000);
    expect(refused).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'SURVIVOR_UNREACHABLE', message: expect.stringMatching(/cannot be reached/) });
    await expectUnchanged(merging.id, survivor.id);
    // The merging project still answers.
    expect((await must(stack, pm, 'startPlanning', merging.id)).stage).toBe('PLANNING');
  });
});

describe('an evaluation starts its child before the project leaves delivery', () => {
  it('a child that cannot start refuses startEvaluation and leaves the project in delivery', async () => {
    const { id } = await projectInDelivery(stack, pm, 'SYC', 'Piracy prosecution support (004 para 16)');
    const evaluator = await rosterEvaluator(stack, 'An evaluator for Seychelles');
    // Something already runs under the evaluation's workflow id (a queue no worker polls keeps it running).
    const squatter = await stack.client.workflow.start('projectEvaluation', {
      workflowId: `${id}/evaluation`, taskQueue: `nobody-polls-${randomUUID()}`,
      args: [{ projectId: id, evaluator: 'nobody', reminder: '1 day', deadline: '2 days' }],
    });

    const refused = await answeredWithin(act(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject }), 30_000);
    expect(refused).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'EVALUATION_NOT_STARTED', message: expect.stringMatching(/stays in delivery/) });
    const still = await readProject(stack, pm, id);
    expect(still).toMatchObject({ stage: 'IN_DELIVERY', evaluator: null });
    expect(still.history.map((h: { action: string }) => h.action)).not.toContain('startEvaluation');

    await squatter.terminate('test: make way for the real evaluation');
    const evaluating = await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
    expect(evaluating).toMatchObject({ stage: 'UNDER_EVALUATION', evaluator: evaluator.actor.subject });
    const child = await stack.client.workflow.getHandle(`${id}/evaluation`).describe();
    expect(child).toMatchObject({ type: 'projectEvaluation', status: { name: 'RUNNING' }, parentExecution: { workflowId: id } });
  });
});

describe('a submitted assessment', () => {
  it('is answered once committed; the evaluation child is told after, in the same workflow task, and ends', async () => {
    const { id, needs } = await projectInDelivery(stack, pm, 'MUS', 'Piracy prosecution support, Mauritius (004 para 16)');
    const evaluator = await rosterEvaluator(stack, 'An evaluator for Mauritius');
    await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
    const assessed = await must(stack, evaluator, 'submitOutcomeAssessment', id, {
      criteria: dacRatings(4), indicatorValues: [{ indicator: 'witnesses admitted', actual: 12 }],
      needVerdicts: [{ needId: needs[0]!.id, verdict: 'PARTLY_MET' }], narrative: 'Twelve witnesses admitted of thirty planned.',
    });
    expect(assessed.stage).toBe('REPRIORITISATION');
    expect(await stack.client.workflow.getHandle(`${id}/evaluation`).result()).toBe('SUBMITTED');

    // The project's history: the Update's answer and the signal to the child come from one workflow task,
    // and the signal's delivery is recorded after the answer (the evaluator did not wait for it).
    await expect.poll(async () => (await fetchEvents(stack.client, id)).some((e) => e.childWorkflowExecutionCompletedEventAttributes), { timeout: 15_000 }).toBe(true);
    const events = await fetchEvents(stack.client, id);
    const updateId = events.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'submitOutcomeAssessment')!.workflowExecutionUpdateAcceptedEventAttributes!.protocolInstanceId;
    const at = (found: (e: (typeof events)[number]) => unknown) => events.findIndex(found);
    const answered = at((e) => e.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === updateId);
    const told = at((e) => e.signalExternalWorkflowExecutionInitiatedEventAttributes);
    const delivered = at((e) => e.externalWorkflowExecutionSignaledEventAttributes);
    const taskOf = (index: number) => events.slice(0, index).map((e) => Boolean(e.workflowTaskCompletedEventAttributes)).lastIndexOf(true);
    expect(answered).toBeGreaterThan(0);
    expect(taskOf(told)).toBe(taskOf(answered));
    expect(delivered).toBeGreaterThan(answered);
    expect(events.some((e) => e.markerRecordedEventAttributes)).toBe(false);
  });
});
