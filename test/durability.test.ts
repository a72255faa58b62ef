// Nothing is lost when the worker dies: the lifecycle lives in Temporal, not in a process.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../domain/roles.js';
import { FILE_REQUEST, PROJECT, START_ASSESSMENT, hondurasImpunityRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

const honduras: Actor = { subject: 'fp-hnd', role: 'STATE_FOCAL_POINT', stateCode: 'HND' };
const manager: Actor = { subject: 'pm', role: 'PROGRAMME_MANAGER' };

let stack: Stack;
beforeAll(async () => {
  // The transition waits through a worker's absence, a new worker's start and the server's sticky-queue
  // timeout for the stopped one: more than the API's default 10 s deadline on a busy machine (seen in a
  // fresh-clone run). This test is about nothing lost, not speed, so its API waits up to 30 s.
  stack = await startStack({ worker: false, temporalDeadlineMs: 30_000 });
});
afterAll(() => stack?.stop());

it('finishes a transition sent while no worker runs, once a new worker starts, with history intact', async () => {
  const [fp, pm] = await Promise.all([stack.token(honduras), stack.token(manager)]);
  const first = await stack.startWorker();
  const filed = await stack.gql(FILE_REQUEST, { input: hondurasImpunityRequest() }, fp);
  const projectId: string = filed.body.data.fileRequest.project.id;
  await first.stop();

  // The update waits in Temporal while no worker polls the task queue.
  const pending = stack.gql(START_ASSESSMENT, { input: { projectId, idempotencyKey: 'durable-0001' } }, pm);
  await new Promise((r) => setTimeout(r, 1_000));
  const during = await stack.gql(PROJECT, { id: projectId }, pm);
  expect(during.body.data.project.stage).toBe('SUBMITTED');

  await stack.startWorker();
  const { body } = await pending;
  expect(body.data.startAssessment).toMatchObject({ __typename: 'Project', stage: 'UNDER_ASSESSMENT' });
  const read = await stack.gql(PROJECT, { id: projectId }, pm);
  expect(read.body.data.project.history.map((h: { seq: number; fromStage: string | null; toStage: string }) => [h.seq, h.fromStage, h.toStage])).toEqual([
    [1, null, 'SUBMITTED'],
    [2, 'SUBMITTED', 'UNDER_ASSESSMENT'],
  ]);
});
