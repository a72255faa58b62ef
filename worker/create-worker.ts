import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createActivities } from '../activities/index.js';
import type { DB } from '../db/schema.js';
import { TASK_QUEUE } from '../workflows/definitions.js';
import { loadPrebuiltWorkflowBundle } from './workflow-bundle.js';


export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/** Bundles the workflow code once; pass the result to every createProjectWorker call. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietBundlerLogger });
}

export interface ProjectWorkerOptions {
  connection: NativeConnection;
  namespace?: string;
  db: Kysely<DB>;
  taskQueue?: string;
  workflowBundle?: WorkflowBundleWithSourceMap;
}

export function createProjectWorker(opts: ProjectWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace ?? 'default',
    taskQueue: opts.taskQueue ?? TASK_QUEUE,
    ...(opts.workflowBundle ? { workflowBundle: opts.workflowBundle } : prebuiltOrSources()),
    // Activities that talk to other workflows (a merge asks its survivor) share the worker's connection.
    activities: createActivities(opts.db, new Client({ connection: opts.connection, namespace: opts.namespace ?? 'default' })),
  });
}

/** The bundle `npm run build:workflows` wrote, when it matches today's sources; else the sources, bundled now. */
function prebuiltOrSources(): { workflowBundle: WorkflowBundleWithSourceMap } | { workflowsPath: string } {
  const prebuilt = loadPrebuiltWorkflowBundle();
  return prebuilt.bundle ? { workflowBundle: prebuilt.bundle } : { workflowsPath: WORKFLOWS_PATH };
}

const quietBundlerLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn(message: string, meta?: unknown) {
    console.warn(message, meta ?? '');
  },
  error(message: string, meta?: unknown) {
    console.error(message, meta ?? '');
  },
};
