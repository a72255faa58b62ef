import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createActivities } from '../activities/index.js';
import type { DB } from '../db/schema.js';
import { TASK_QUEUE } from '../workflows/definitions.js';
import { loadPrebuiltWorkflowBundle } from './workflow-bundle.js';


export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

/**
 * Modules each worker thread evaluates once and shares with every workflow it runs (the SDK's
 * `preloadModules`). Without this, every workflow started (or brought back into the cache) evaluated zod
 * and built every action's schema again: ~20 ms of CPU per workflow, two per project (the project and its
 * evaluation), measured by `npm run bench:workflow-start`. The SDK deep-freezes what a shared module
 * exports, and zod schemas add members to themselves on first use, so the schemas are not exported from a
 * shared module: domain/built-once.ts keeps them where freezing does not reach, built by the first workflow
 * that evaluates their module. Only modules without per-workflow state may be listed here.
 */
export const SHARED_WORKFLOW_MODULES = ['zod', fileURLToPath(new URL('../domain/built-once.ts', import.meta.url))];

/** Bundles the workflow code once; pass the result to every createProjectWorker call. */
export function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, preloadModules: SHARED_WORKFLOW_MODULES, logger: quietBundlerLogger });
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
function prebuiltOrSources(): { workflowBundle: WorkflowBundleWithSourceMap } | { workflowsPath: string; bundlerOptions: { preloadModules: string[] } } {
  const prebuilt = loadPrebuiltWorkflowBundle();
  return prebuilt.bundle ? { workflowBundle: prebuilt.bundle } : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: { preloadModules: SHARED_WORKFLOW_MODULES } };
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
