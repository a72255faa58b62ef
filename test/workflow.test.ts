// The projectLifecycle workflow on the real Temporal server, driven by a Temporal client directly.
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRequest, projectIdFor } from '../api/lifecycle.js';
import type { Actor } from '../domain/roles.js';
import { snapshotQuery, startAssessmentUpdate } from '../workflows/definitions.js';
import { gabonReportingRequest } from './support/requests.js';
import { startStack, workflowBundle, type Stack } from './support/stack.js';

const gabon: Actor = { subject: 'fp-gab', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' };
const manager: Actor = { subject: 'pm', role: 'PROGRAMME_MANAGER' };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

describe('projectLifecycle', () => {
  it('records the filing, then applies startAssessment once its validator accepts', async () => {
    const input = gabonReportingRequest();
    const { projectId, created } = await fileRequest(stack.client, gabon, input, { taskQueue: stack.taskQueue });
    expect(created).toBe(true);
    expect(projectId).toBe(projectIdFor('GAB', input.idempotencyKey));
    const handle = stack.client.workflow.getHandle(projectId);
    expect(await handle.query(snapshotQuery)).toEqual({ projectId, stage: 'SUBMITTED', stateCodes: ['GAB'], lastSeq: 1, projectedSeq: 1 });

    const after = await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {} }] });
    expect(after).toEqual({ projectId, stage: 'UNDER_ASSESSMENT', stateCodes: ['GAB'], lastSeq: 2, projectedSeq: 2 });
    const row = await stack.db.selectFrom('projects').select(['stage', 'last_event_seq']).where('id', '=', projectId).executeTakeFirstOrThrow();
    expect(row).toEqual({ stage: 'UNDER_ASSESSMENT', last_event_seq: 2 });
  });

  it('rejects in the validator, leaving no trace in the workflow history', async () => {
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue });
    const handle = stack.client.workflow.getHandle(projectId);
    const refused = handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: gabon, payload: {} }] });
    await expect(refused).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(refused).rejects.toMatchObject({ cause: { type: 'TransitionRefused', message: expect.stringMatching(/PROGRAMME_MANAGER/) } });
    const badPayload = handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: { note: '' } }] });
    await expect(badPayload).rejects.toMatchObject({ cause: { type: 'InvalidInput', details: [{ field: 'input.note', message: 'must not be empty' }] } });

    expect((await handle.query(snapshotQuery)).stage).toBe('SUBMITTED');
    const history = await handle.fetchHistory();
    const accepted = (history.events ?? [])
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name)
      .filter((name) => name !== undefined);
    expect(accepted).toEqual(['readModelCaughtUp']); // the filing's wait; rejected updates leave no event
  });

  it('answers a caller that projects with the events after what it read, and refuses a read model ahead of the workflow', async () => {
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue });
    const handle = stack.client.workflow.getHandle(projectId);
    const ahead = handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 2 }] });
    await expect(ahead).rejects.toMatchObject({ cause: { type: 'InvalidInput', details: [{ field: 'projectedUpTo', message: 'an event number from 0 to 1' }] } });
    expect((await handle.query(snapshotQuery)).stage).toBe('SUBMITTED');

    // The read model holds the filing (event 1): the answer carries event 2 only, for the caller to write.
    const answer = await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: {}, callerProjects: true, projectedUpTo: 1 }] });
    expect(answer.events?.map((p) => [p.event.seq, p.event.action])).toEqual([[2, 'startAssessment']]);
  });

  it('replays its own history without nondeterminism', async () => {
    const { projectId } = await fileRequest(stack.client, gabon, gabonReportingRequest(), { taskQueue: stack.taskQueue });
    const handle = stack.client.workflow.getHandle(projectId);
    await handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: manager, payload: { note: 'replay' } }] });
    const history = await handle.fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, projectId);
  });
});
