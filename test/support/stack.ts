// Connects a test file to the run's real Temporal server and PostgreSQL, with its own task queue,
// worker and API server. Nothing here is a mock.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { signToken } from '../../api/auth.js';
import { ProjectChanges } from '../../api/live/project-changes.js';
import { startApiServer } from '../../api/server.js';
import { createDb } from '../../db/connection.js';
import type { DB } from '../../db/schema.js';
import type { Actor } from '../../domain/roles.js';
import { bundleWorkflows, createProjectWorker } from '../../worker/create-worker.js';
import type { LifecycleTimings } from '../../workflows/definitions.js';

export const TEST_JWT_SECRET = 'palermo-test-secret-of-at-least-32-bytes';

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** Bundled once per test file (webpack takes seconds on 2 cores). */
export function workflowBundle() {
  bundle ??= bundleWorkflows();
  return bundle;
}

export interface RunningWorker {
  worker: Worker;
  stop(): Promise<void>;
}

export interface Stack {
  client: Client;
  db: Kysely<DB>;
  taskQueue: string;
  apiUrl: string;
  startWorker(): Promise<RunningWorker>;
  /** Stops every running worker of this stack, as if the worker process died. */
  stopWorkers(): Promise<void>;
  /** POSTs a GraphQL operation; returns the parsed body and the HTTP status. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } }>;
  token(actor: Actor, ttl?: string): Promise<string>;
  /** A DONOR's token: it acts for its organisation (claim org), which the API requires. */
  donorToken(organisation: string, subject?: string): Promise<string>;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

export async function startStack(opts: { worker?: boolean; timings?: Partial<LifecycleTimings>; databaseUrl?: string; temporalDeadlineMs?: number } = {}): Promise<Stack> {
  if (!runtimeInstalled) {
    // Once per process (each test file is its own fork): keep worker chatter out of test output.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const address = inject('temporalAddress');
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const nativeConnection = await NativeConnection.connect({ address });
  const databaseUrl = opts.databaseUrl ?? inject('databaseUrl');
  const db = createDb(databaseUrl, 5);
  // The API's LISTEN for live subscriptions, as api/main.ts starts it.
  const projectChanges = new ProjectChanges(databaseUrl);
  await projectChanges.start();
  const taskQueue = `palermo-test-${randomUUID()}`;
  const workers: RunningWorker[] = [];

  async function startWorker(): Promise<RunningWorker> {
    const worker = await createProjectWorker({ connection: nativeConnection, db, taskQueue, workflowBundle: await workflowBundle() });
    const running = worker.run();
    const handle: RunningWorker = {
      worker,
      stop: async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      },
    };
    workers.push(handle);
    return handle;
  }

  if (opts.worker !== false) await startWorker();
  const { server, url } = await startApiServer({ db, temporal: client, jwtSecret: TEST_JWT_SECRET, edge: { introspection: true }, lifecycle: { taskQueue, timings: opts.timings, temporalDeadlineMs: opts.temporalDeadlineMs }, projectChanges }, 0);

  return {
    client,
    db,
    taskQueue,
    apiUrl: url,
    startWorker,
    async stopWorkers() {
      for (const w of workers.splice(0)) await w.stop();
    },
    token: (actor, ttl) => signToken(TEST_JWT_SECRET, actor, ttl),
    donorToken: (organisation, subject = `officer-of-${organisation}`) => signToken(TEST_JWT_SECRET, { subject, role: 'DONOR', organisation }),
    async gql(query, variables, token) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    async stop() {
      await projectChanges.stop(); // ends open subscription streams, so the server can close
      (server as Server).closeAllConnections?.();
      await new Promise<void>((resolve) => (server as Server).close(() => resolve()));
      for (const w of workers) await w.stop();
      await nativeConnection.close();
      await connection.close();
      await db.destroy();
    },
  };
}

/** A fresh idempotency key, so test files sharing the server never collide. */
export function freshKey(label: string): string {
  return `${label}-${randomUUID()}`;
}
