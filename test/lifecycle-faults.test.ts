// Faults: a worker process killed mid-transition, PostgreSQL down while a transition is applied, two
// conflicting transitions at once, and a workflow task the server refuses. The lifecycle lives in
// Temporal, so none of them loses or doubles work.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedCodeLists } from '../db/seed-code-lists.js';
import { freePort } from '../scripts/embedded/free-port.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/embedded/postgres.js';
import { applyTransition } from '../api/lifecycle.js';
import { actionUpdate, snapshotQuery, startAssessmentUpdate } from '../workflows/definitions.js';
import { endsOnClose, nudgeSignal, TASK_HOLD_MS } from './fixtures/refused-task-workflow.js';
import { act, caller, fileAs, readProject } from './support/actions.js';
import { hondurasImpunityRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

const stacks: Stack[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const stack of stacks) await stack.stop();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A worker as its own OS process (npm run worker), so it can be killed for real. */
async function workerProcess(taskQueue: string, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], {
    env: { ...process.env, TEMPORAL_ADDRESS: inject('temporalAddress'), DATABASE_URL: databaseUrl, PALERMO_TASK_QUEUE: taskQueue, PALERMO_LOG_LEVEL: 'WARN' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  cleanups.push(() => void child.kill('SIGKILL'));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('polling task queue') && resolve());
    child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`)));
  });
  return child;
}

describe('a worker process killed in the middle of a transition', () => {
  it('ends where it should on a new worker, with nothing doubled', async () => {
    const stack = await startStack({ worker: false });
    stacks.push(stack);
    const fp = await caller(stack, { subject: 'fp-HND', role: 'STATE_FOCAL_POINT', stateCode: 'HND' });
    const pm = await caller(stack, { subject: 'pm-faults', role: 'PROGRAMME_MANAGER' });
    const first = await workerProcess(stack.taskQueue, inject('databaseUrl'));
    const { id } = await fileAs(stack, fp, hondurasImpunityRequest());
    const handle = stack.client.workflow.getHandle(id);

    // Hold the project's row, so the projection activity is surely in flight (waiting on its lock) when the worker dies.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = stack.db.transaction().execute(async (trx) => {
      await trx.selectFrom('projects').select('id').where('id', '=', id).forUpdate().execute();
      locked();
      await released;
    });
    await isLocked;

    const pending = act(stack, pm, 'startAssessment', id, { idempotencyKey: 'kill-mid-0001' });
    const inFlight = async () => (await handle.describe()).raw.pendingActivities?.find((a) => a.activityType?.name === 'projectEvent');
    await expect.poll(async () => String((await inFlight())?.state), { timeout: 15_000 }).toMatch(/STARTED|^2$/);
    expect((await inFlight())!.lastWorkerIdentity).toMatch(new RegExp(`^${first.pid}@`));
    first.kill('SIGKILL');
    await new Promise<void>((r) => (first.exitCode !== null || first.signalCode !== null ? r() : first.once('exit', () => r())));
    release();
    await holder;
    await workerProcess(stack.taskQueue, inject('databaseUrl'));

    // The call waits at most the API's deadline on Temporal: it answers the transition, or TEMPORAL_TIMEOUT
    // when the new worker process took longer to come up; the retry with the same key below answers it.
    const answer = await pending;
    expect(answer.stage ?? answer.code).toMatch(/^(UNDER_ASSESSMENT|TEMPORAL_TIMEOUT)$/);
    await expect.poll(async () => (await handle.query(snapshotQuery)).projectedSeq, { timeout: 90_000, interval: 1_000 }).toBe(2);
    const retried = await act(stack, pm, 'startAssessment', id, { idempotencyKey: 'kill-mid-0001' });
    expect(retried.stage).toBe('UNDER_ASSESSMENT');

    // From the history: the projection of event 2 was started on the killed worker and never completed
    // there (its first attempt timed out), then completed once on the new worker.
    const events = (await handle.fetchHistory()).events ?? [];
    const scheduled = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'projectEvent');
    const transition = scheduled[1]!; // the first projects the filing, the second this transition
    const ofTransition = (e: (typeof events)[number]) =>
      [e.activityTaskStartedEventAttributes?.scheduledEventId, e.activityTaskCompletedEventAttributes?.scheduledEventId, e.activityTaskTimedOutEventAttributes?.scheduledEventId]
        .some((sid) => sid != null && Number(sid) === Number(transition.eventId));
    const started = events.filter((e) => e.activityTaskStartedEventAttributes && ofTransition(e));
    expect(started).toHaveLength(1); // Temporal records the start of the attempt that closed it
    expect(started[0]!.activityTaskStartedEventAttributes!.attempt).toBeGreaterThan(1);
    expect(started[0]!.activityTaskStartedEventAttributes!.lastFailure?.timeoutFailureInfo).toBeTruthy(); // attempt 1 never completed
    expect(started[0]!.activityTaskStartedEventAttributes!.identity).not.toMatch(new RegExp(`^${first.pid}@`));
    expect(events.filter((e) => e.activityTaskCompletedEventAttributes && ofTransition(e))).toHaveLength(1);
    const accepted = events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'startAssessment');
    expect(accepted).toHaveLength(1);

    const rows = await stack.db.selectFrom('project_events').select(['seq', 'action']).where('project_id', '=', id).orderBy('seq').execute();
    expect(rows).toEqual([{ seq: 1, action: 'fileRequest' }, { seq: 2, action: 'startAssessment' }]);
  });
});

describe('PostgreSQL stopped while a transition is applied', () => {
  it('keeps the workflow waiting on its projection retries; the read model catches up when the database is back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'palermo-pg-fault-'));
    chmodSync(dir, 0o755);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const port = await freePort();
    const options = { dataDir: join(dir, 'pg'), port, database: 'palermo_fault' };
    let pg: EmbeddedDatabase = await startEmbeddedPostgres(options);
    cleanups.push(() => pg.stop());
    const setup = createDb(pg.url, 1);
    await migrateToLatest(setup);
    await seedCodeLists(setup);
    await setup.destroy();

    const stack = await startStack({ databaseUrl: pg.url });
    stacks.push(stack);
    const fp = await caller(stack, { subject: 'fp-HND', role: 'STATE_FOCAL_POINT', stateCode: 'HND' });
    const { id } = await fileAs(stack, fp, hondurasImpunityRequest());
    const handle = stack.client.workflow.getHandle(id);

    await pg.stop();
    const update = handle.executeUpdate(startAssessmentUpdate, { args: [{ actor: { subject: 'pm-faults', role: 'PROGRAMME_MANAGER' }, payload: {} }] });
    await expect.poll(() => handle.query(snapshotQuery), { timeout: 10_000 }).toMatchObject({ stage: 'UNDER_ASSESSMENT', lastSeq: 2, projectedSeq: 1 });

    pg = await startEmbeddedPostgres(options);
    expect(await update).toMatchObject({ stage: 'UNDER_ASSESSMENT', lastSeq: 2, projectedSeq: 2 });
    const pm = await caller(stack, { subject: 'pm-faults', role: 'PROGRAMME_MANAGER' });
    const project = await readProject(stack, pm, id);
    expect(project.stage).toBe('UNDER_ASSESSMENT');
    expect(project.history.map((h: { seq: number }) => h.seq)).toEqual([1, 2]);
  });
});

describe('two conflicting transitions at once', () => {
  it('lets one win and refuses the other with a clear error', async () => {
    const stack = await startStack();
    stacks.push(stack);
    const fp = await caller(stack, { subject: 'fp-HND', role: 'STATE_FOCAL_POINT', stateCode: 'HND' });
    const pm = await caller(stack, { subject: 'pm-faults', role: 'PROGRAMME_MANAGER' });
    for (let round = 0; round < 3; round++) {
      const { id } = await fileAs(stack, fp, hondurasImpunityRequest());
      await act(stack, pm, 'startAssessment', id);
      const results = await Promise.all([
        act(stack, pm, 'decline', id, { reason: 'Outside the Convention' }),
        act(stack, pm, 'startPlanning', id),
      ]);
      const winners = results.filter((r) => r.__typename === 'Project');
      const losers = results.filter((r) => r.__typename === 'TransitionRefusedError');
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(1);
      expect(losers[0]).toMatchObject({ refusal: 'WRONG_STAGE', message: expect.stringMatching(/needs stage UNDER_ASSESSMENT; the project (is|has ended) (PLANNING|DECLINED)/) });
      const final = await readProject(stack, pm, id);
      expect(final.stage).toBe(winners[0]!.stage);
      expect(final.history).toHaveLength(3);
    }
  });
});

describe('a workflow task the server refuses', () => {
  it('sends the Update again under the same id; it is applied once and the caller gets its answer', { timeout: 120_000 }, async () => {
    const address = inject('temporalAddress');
    const connection = await Connection.connect({ address });
    const client = new Client({ connection });
    const native = await NativeConnection.connect({ address });
    const taskQueue = `refused-task-${randomUUID()}`;
    const worker = await Worker.create({ connection: native, taskQueue, workflowsPath: fileURLToPath(new URL('./fixtures/refused-task-workflow.ts', import.meta.url)) });
    const running = worker.run();
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await native.close();
      await connection.close();
    });
    const projectId = `refused-task-${randomUUID()}`;
    const handle = await client.workflow.start(endsOnClose, { workflowId: projectId, taskQueue, args: [projectId] });
    await expect.poll(async () => ((await handle.fetchHistory()).events ?? []).some((e) => e.workflowTaskCompletedEventAttributes), { timeout: 30_000 }).toBe(true);

    // The close is applied in a task that ends the workflow and holds the worker; a signal arrives meanwhile.
    const closing = applyTransition(client, projectId, actionUpdate('close'), { actor: { subject: 'pm-faults', role: 'PROGRAMME_MANAGER' }, payload: { reason: 'test' } }, 'refused-task-0001', { temporalDeadlineMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, TASK_HOLD_MS / 3));
    await handle.signal(nudgeSignal);
    expect(await closing).toMatchObject({ projectId, stage: 'CLOSED' });

    // From the history: the server refused the first task (a new event, the signal, came while it ended
    // the workflow; the server writes it, buffered meanwhile, after the refusal), and the Update sent again
    // under its id was accepted once, in a task after.
    expect(await handle.result()).toMatchObject({ stage: 'CLOSED' });
    const events = (await handle.fetchHistory()).events ?? [];
    const failed = events.filter((e) => e.workflowTaskFailedEventAttributes);
    expect(failed.map((e) => e.workflowTaskFailedEventAttributes!.cause)).toEqual([temporal.api.enums.v1.WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND]);
    const accepted = events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted.map((e) => e.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest?.meta?.updateId)).toEqual(['close:refused-task-0001']);
    const signalled = events.findIndex((e) => e.workflowExecutionSignaledEventAttributes);
    expect(signalled).toBe(events.indexOf(failed[0]!) + 1);
    expect(events.indexOf(accepted[0]!)).toBeGreaterThan(signalled);
  });
});
