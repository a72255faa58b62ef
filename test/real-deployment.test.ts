// The real-deployment path (README "Real deployment"): a Temporal server and PostgreSQL started apart,
// `npm run migrate`, then TWO worker processes and TWO API processes pointed at them with
// TEMPORAL_ADDRESS / DATABASE_URL. Many projects move through several transitions spread over both APIs;
// mid-load one worker and one API are killed with SIGKILL. Clients retry on the other API with the same
// idempotency key. Proves: the kills happened (exit by SIGKILL) while transitions were in flight on the
// killed API and after the killed worker had done part of the work; the load finished on the survivors;
// every transition is in the read model exactly once; no process outlives the test.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import { afterAll, describe, expect, it } from 'vitest';
import { signToken } from '../api/auth.js';
import { createDb } from '../db/connection.js';
import type { Actor } from '../domain/roles.js';
import type { TransitionName } from '../domain/transitions.js';
import { freePort } from '../scripts/embedded/free-port.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/embedded/postgres.js';
import { startTemporalDevServer, type TemporalDevServer } from '../scripts/embedded/temporal-dev-server.js';
import { actionMutation } from './support/actions.js';
import { isRunning, pidAlive, ProcessGroup } from './support/child-processes.js';
import { activityIdentities, fetchEvents, workflowTaskIdentities } from './support/projection-history.js';
import { FILE_REQUEST, hondurasImpunityRequest } from './support/requests.js';

const PROJECTS = 20;
const EventType = proto.api.enums.v1.EventType;
const JWT_SECRET = 'palermo-real-deployment-secret-of-32-bytes-or-more'; // the API refuses a shorter one

const processes = new ProcessGroup();
let temporal: TemporalDevServer | undefined;
let postgres: EmbeddedDatabase | undefined;
let dir: string | undefined;
afterAll(async () => {
  // Even when the test failed: no worker, API, Temporal or PostgreSQL process is left behind.
  await processes.killAll();
  await temporal?.stop();
  await postgres?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The environment an operator gives each process: nothing embedded, nothing from this test run. */
function deploymentEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PALERMO_') && !k.startsWith('VITEST')) env[k] = v;
  return { ...env, PALERMO_LOG_LEVEL: 'WARN', ...extra };
}

/** A typed refusal from the API: the client must not retry it, and the test fails. */
class RefusedAnswer extends Error {}

interface Step {
  action: 'fileRequest' | TransitionName;
  as: 'fp' | 'pm';
  payload: Record<string, unknown>;
  stage: string;
}

/** What each project goes through: six events, none final (a final stage's retry is another issue's). */
const STEPS: Step[] = [
  { action: 'fileRequest', as: 'fp', payload: {}, stage: 'SUBMITTED' },
  { action: 'startAssessment', as: 'pm', payload: {}, stage: 'UNDER_ASSESSMENT' },
  { action: 'requestInformation', as: 'pm', payload: { question: 'Which agencies took part in the May 2012 technical mission?' }, stage: 'AWAITING_INFORMATION' },
  { action: 'provideInformation', as: 'fp', payload: { answer: 'DPA, OHCHR and UNDP, with the Attorney General’s office.' }, stage: 'UNDER_ASSESSMENT' },
  {
    action: 'recordAssessment',
    as: 'pm',
    payload: { type: 'TECHNICAL_MISSION', startDate: '2012-05-01', endDate: '2012-05-05', partners: ['UNDP'], findings: 'Needs confirmed in investigation and prosecution of organized crime.' },
    stage: 'UNDER_ASSESSMENT',
  },
  { action: 'startPlanning', as: 'pm', payload: {}, stage: 'PLANNING' },
];

describe('the real-deployment path: two workers and two APIs, one of each killed under load', () => {
  it('completes every transition exactly once through the survivors', { timeout: 300_000 }, async () => {
    const began = Date.now();
    dir = mkdtempSync(join(tmpdir(), 'palermo-deploy-'));
    chmodSync(dir, 0o755); // embedded PostgreSQL runs as its own OS user when we are root
    const [temporalPort, pgPort, apiPortA, apiPortB] = [await freePort(), await freePort(), await freePort(), await freePort()];
    // Started apart from the test run's shared servers, as an operator's own cluster and database would be.
    // The dev server registers palermo's search attributes (README: register them in the namespace).
    [temporal, postgres] = await Promise.all([
      startTemporalDevServer({ port: temporalPort, dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') }),
      startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: pgPort, database: 'palermo_deploy' }),
    ]);

    const migrated = await processes.run('db/migrate-cli.ts', deploymentEnv({ DATABASE_URL: postgres.url }));
    expect(migrated.exit, migrated.output).toEqual({ code: 0, signal: null });
    expect(migrated.output).toMatch(/applied .*code lists seeded/);

    const env = deploymentEnv({ TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default', DATABASE_URL: postgres.url, PALERMO_JWT_SECRET: JWT_SECRET });
    const [workerA, workerB] = await Promise.all(['worker-A', 'worker-B'].map((name) => processes.start(name, 'worker/main.ts', env, /polling task queue/)));
    const [apiA, apiB] = await Promise.all(
      [['api-A', apiPortA], ['api-B', apiPortB]].map(([name, port]) => processes.start(String(name), 'api/main.ts', { ...env, PORT: String(port), HOST: '127.0.0.1' }, /palermo api: http/)),
    );
    const apis = [apiA!, apiB!].map((proc, i) => ({ proc, url: `http://127.0.0.1:${[apiPortA, apiPortB][i]}/graphql`, inflight: 0 }));
    const readyIn = Date.now() - began;

    const tokens = {
      fp: await signToken(JWT_SECRET, { subject: 'fp-HND', role: 'STATE_FOCAL_POINT', stateCode: 'HND' } satisfies Actor),
      pm: await signToken(JWT_SECRET, { subject: 'pm-deploy', role: 'PROGRAMME_MANAGER' } satisfies Actor),
    };

    // The load: every project its own client, its steps spread over both APIs.
    let completed = 0;
    let killAt = Infinity;
    const completedAfterKill: number[] = [0, 0];
    const cutByKill: string[] = []; // calls on the killed API that failed and were retried on the other
    const retries: string[] = [];

    async function call(apiIndex: number, step: Step, input: Record<string, unknown>) {
      const api = apis[apiIndex]!;
      api.inflight += 1;
      try {
        const response = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[step.as]}` },
          body: JSON.stringify({ query: step.action === 'fileRequest' ? FILE_REQUEST : actionMutation(step.action), variables: { input } }),
        });
        return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
      } finally {
        api.inflight -= 1;
      }
    }

    /** One step, retried on the other API with the same idempotency key until it answers. */
    async function perform(project: number, stepIndex: number, input: Record<string, unknown>) {
      const step = STEPS[stepIndex]!;
      let apiIndex = (project + stepIndex) % 2;
      for (let attempt = 1; ; attempt++) {
        const startedAt = Date.now();
        let why: string;
        try {
          const body = await call(apiIndex, step, input);
          const result = body.data?.[step.action] as { __typename: string; [k: string]: any } | undefined;
          if (result?.__typename === 'Project' || result?.__typename === 'FiledRequest') {
            completed += 1;
            if (startedAt > killAt) completedAfterKill[apiIndex]! += 1;
            return result.__typename === 'FiledRequest' ? result.project : result;
          }
          if (result && ['TransitionRefusedError', 'ValidationError', 'ForbiddenError', 'NotFoundError'].includes(result.__typename)) {
            throw new RefusedAnswer(`project ${project} ${step.action} (attempt ${attempt}) refused: ${JSON.stringify(result)}`);
          }
          why = JSON.stringify(body.errors ?? result); // e.g. a typed timeout: retried with the same key
        } catch (err) {
          if (err instanceof RefusedAnswer) throw err;
          why = String((err as Error).cause ?? err);
        }
        retries.push(`project ${project} ${step.action} on api-${'AB'[apiIndex]} attempt ${attempt}: ${why}`);
        if (apiIndex === 0 && startedAt <= killAt && Date.now() >= killAt) cutByKill.push(`${project}:${step.action}`);
        if (attempt >= 8) throw new Error(`project ${project} ${step.action} never answered:\n${retries.join('\n')}`);
        apiIndex = 1 - apiIndex;
        await new Promise((r) => setTimeout(r, 250 * attempt));
      }
    }

    async function drive(project: number) {
      const request = hondurasImpunityRequest();
      const filed = await perform(project, 0, request as unknown as Record<string, unknown>);
      const projectId = filed.id as string;
      for (let s = 1; s < STEPS.length; s++) {
        const answer = await perform(project, s, { projectId, idempotencyKey: `${request.idempotencyKey}-${STEPS[s]!.action}`, ...STEPS[s]!.payload });
        expect(answer.stage).toBe(STEPS[s]!.stage);
      }
      return projectId;
    }

    // The kill: once a third of the work is done, at a moment the doomed API has calls in flight.
    const total = PROJECTS * STEPS.length;
    let inflightAtKill = { apiA: 0, apiB: 0 };
    const killer = (async () => {
      while (completed < total / 3 || apis[0]!.inflight === 0) {
        if (completed >= total) throw new Error('the load finished before the kill');
        await new Promise((r) => setTimeout(r, 10));
      }
      inflightAtKill = { apiA: apis[0]!.inflight, apiB: apis[1]!.inflight };
      killAt = Date.now();
      workerA!.child.kill('SIGKILL');
      apiA!.child.kill('SIGKILL');
    })();
    const loadStarted = Date.now();
    const [ids] = await Promise.all([Promise.all(Array.from({ length: PROJECTS }, (_, p) => drive(p))), killer]);
    const loadTook = Date.now() - loadStarted;

    // The kills happened, while the doomed API had calls in flight, and those calls were retried elsewhere.
    expect(await workerA!.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await apiA!.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(inflightAtKill.apiA).toBeGreaterThanOrEqual(1);
    expect(cutByKill.length).toBeGreaterThanOrEqual(1);
    expect(completed).toBe(total);
    expect(completedAfterKill[0]).toBe(0);
    expect(completedAfterKill[1]).toBeGreaterThan(0);
    expect(isRunning(workerB!) && isRunning(apiB!)).toBe(true);

    // Every transition exactly once in the read model, in order, and each project where it should be.
    const db = createDb(postgres.url, 2);
    try {
      const events = await db.selectFrom('project_events').select(['project_id', 'seq', 'action']).where('project_id', 'in', ids).orderBy('project_id').orderBy('seq').execute();
      expect(events).toHaveLength(total);
      for (const id of ids) {
        expect(events.filter((e) => e.project_id === id).map((e) => [e.seq, e.action])).toEqual(STEPS.map((s, i) => [i + 1, s.action]));
      }
      const stages = await db.selectFrom('projects').select('stage').where('id', 'in', ids).execute();
      expect(stages.map((p) => p.stage)).toEqual(ids.map(() => 'PLANNING'));
    } finally {
      await db.destroy();
    }

    // Both workers did part of the work (identity pid@host in the histories); after the kill only B did.
    const connection = await Connection.connect({ address: temporal.address });
    const byWorker = new Map<string, { before: number; after: number }>();
    const timedOut = new Map<string, number>(); // tasks the killed worker held when it died, handed on after a timeout
    try {
      const client = new Client({ connection });
      for (const id of ids) {
        const events = await fetchEvents(client, id);
        // Workflow tasks tell who worked when; an activity's started event is written when it ends, so
        // activities only count as work done before the kill.
        const tasks = [...workflowTaskIdentities(events).map((t) => ({ ...t, workflowTask: true })), ...activityIdentities(events).map((t) => ({ ...t, workflowTask: false }))];
        for (const { at, identity, workflowTask } of tasks) {
          const entry = byWorker.get(identity) ?? { before: 0, after: 0 };
          // A task A completed just before the kill may be stamped a little after it by the server.
          if (at < killAt) entry.before += 1;
          else if (workflowTask && at > killAt + 1_000) entry.after += 1;
          byWorker.set(identity, entry);
        }
        for (const e of events) {
          const kind =
            e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT ? `workflow task ${proto.api.enums.v1.TimeoutType[e.workflowTaskTimedOutEventAttributes!.timeoutType!]}`
            : e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT ? `activity ${proto.api.enums.v1.TimeoutType[e.activityTaskTimedOutEventAttributes!.failure?.timeoutFailureInfo?.timeoutType ?? 0]}`
            : e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED && (e.activityTaskStartedEventAttributes!.attempt ?? 1) > 1 ? 'activity retried' : undefined;
          if (kind) timedOut.set(kind, (timedOut.get(kind) ?? 0) + 1);
        }
      }
    } finally {
      await connection.close();
    }
    const host = hostname();
    const a = byWorker.get(`${workerA!.pid}@${host}`);
    const b = byWorker.get(`${workerB!.pid}@${host}`);
    expect(a?.before, JSON.stringify([...byWorker])).toBeGreaterThan(0);
    expect(a?.after ?? 0).toBe(0);
    // Work held by worker A when it died (its sticky workflow caches, any task it was running) timed out in
    // the histories and went to worker B.
    expect([...timedOut.values()].reduce((x, y) => x + y, 0), JSON.stringify([...timedOut])).toBeGreaterThanOrEqual(1);
    expect(b?.after).toBeGreaterThan(0);

    // The survivors stop when asked; nothing started here is left running.
    await processes.stopAll();
    for (const p of processes.started) {
      expect(isRunning(p), p.name).toBe(false);
      expect(pidAlive(p.pid), p.name).toBe(false);
    }
    expect(pidAlive(temporal.process.pid!)).toBe(true);
    await temporal.stop();
    expect(pidAlive(temporal.process.pid!)).toBe(false);
    temporal = undefined;

    console.log(
      `real-deployment: ready in ${(readyIn / 1000).toFixed(1)} s; ${total} transitions over ${PROJECTS} projects in ${(loadTook / 1000).toFixed(1)} s; ` +
        `killed worker-A and api-A with ${inflightAtKill.apiA} call(s) in flight on api-A (${inflightAtKill.apiB} on api-B) after ${Math.round((killAt - loadStarted) / 1000)} s; ` +
        `${cutByKill.length} call(s) cut by the kill, ${retries.length} retries in all; tasks by worker A ${JSON.stringify(a)}, B ${JSON.stringify(b)}; timeouts and retries in the histories ${JSON.stringify(Object.fromEntries(timedOut))}`,
    );
  });
});
