// How the API drives the lifecycle: it starts workflows and sends them Updates, never writes stage itself.
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { Kysely } from 'kysely';
import { writeProjectEvent, writeProjectEventsAtOnce, type StoredProjectRow } from '../activities/project-events.js';
import type { ProjectRow } from '../db/queries/projects.js';
import type { DB } from '../db/schema.js';
import type { FieldIssue, FileRequestInput } from '../domain/inputs.js';
import type { Actor } from '../domain/roles.js';
import { asTransitionRefusal } from '../domain/transitions.js';
import {
  PROJECT_WORKFLOW_TYPE,
  TASK_QUEUE,
  readModelCaughtUpUpdate,
  type LifecycleTimings,
  type NeedRecord,
  type ProjectLifecycleInput,
  type ProjectSnapshot,
  type TransitionArgs,
} from '../workflows/definitions.js';
import { projectSearchAttributes } from '../workflows/project-search-attributes.js';
import { NotFoundError, TransitionRefusedError, ValidationError } from './errors.js';
import { temporalDeadlineMs, withTemporalDeadline } from './temporal-deadline.js';
import { sendUpdate } from './update-resend.js';

/** Deterministic: the same State and idempotency key always name the same project workflow. */
export function projectIdFor(stateCode: string, idempotencyKey: string): string {
  return `project-${stateCode}-${idempotencyKey}`;
}

export interface LifecycleOptions {
  taskQueue?: string;
  /** Shorter reminders and deadlines, for tests and demos. */
  timings?: Partial<LifecycleTimings>;
  /** How long the API waits on Temporal before answering TEMPORAL_TIMEOUT (default 10 s; api/temporal-deadline.ts). */
  temporalDeadlineMs?: number;
  /** Continue-as-new sooner than DEFAULT_MAX_HISTORY_EVENTS (tests and the replay-corpus recorder). */
  maxHistoryEvents?: number;
  /**
   * The read model the caller's next read comes from. Given, the API writes the events an Update
   * committed itself (one transaction, idempotent on (project, seq)) instead of waiting for the
   * projection activity's round trip through Temporal; the activity stays the backstop. Absent, the
   * answer waits for the activity, as scripts and direct callers do.
   */
  readModel?: Kysely<DB>;
  /** The API leaves the read model to the projection activity and waits for it (bench:lifecycle's "before" side). */
  waitForProjectionActivity?: boolean;
}

/** The options the API's own calls use: the read model is the API's database unless told to wait. */
export function apiLifecycleOptions(deps: { db: Kysely<DB>; lifecycle?: LifecycleOptions }): LifecycleOptions {
  return { ...deps.lifecycle, readModel: deps.lifecycle?.waitForProjectionActivity ? undefined : deps.db };
}

/** Starts one project workflow (PROJECT_WORKFLOW_TYPE) for a validated request; a repeated key starts nothing new. */
export async function fileRequest(
  client: Client,
  actor: Actor,
  input: FileRequestInput,
  options: LifecycleOptions = {},
): Promise<{ projectId: string; created: boolean }> {
  const projectId = projectIdFor(input.state, input.idempotencyKey);
  const needs: NeedRecord[] = input.needs.map((need, i) => ({
    ...need,
    id: `${projectId}/need-${i + 1}`,
    stateCode: input.state,
    source: 'FORMAL_REQUEST',
  }));
  return startProject(client, { projectId, stateCode: input.state, title: input.title, idempotencyKey: input.idempotencyKey, filedBy: actor, needs }, options);
}

/**
 * Starts a project from needs already in the pool (an integrated or regional project, domain.md S3, S8).
 * The needs keep their ids and history; the same key starts nothing new.
 */
/** The project grouped pool needs start: one per idempotency key, so a retry finds it. */
export const projectIdFromNeeds = (idempotencyKey: string) => `project-pool-${idempotencyKey}`;

export function startProjectFromNeeds(
  client: Client,
  actor: Actor,
  input: { title: string; idempotencyKey: string; needs: NeedRecord[] },
  options: LifecycleOptions = {},
): Promise<{ projectId: string; created: boolean }> {
  const projectId = projectIdFromNeeds(input.idempotencyKey);
  return startProject(client, { projectId, stateCode: input.needs[0]!.stateCode, title: input.title, idempotencyKey: input.idempotencyKey, filedBy: actor, needs: input.needs }, options);
}

/**
 * Starts the project's workflow and asks for its filing in one request (update-with-start): the first
 * workflow task runs the filing and answers with its event, which the API writes itself. A repeated key
 * (the workflow runs or has ended) starts nothing and waits for the filing as any later caller would.
 */
async function startProject(client: Client, args: ProjectLifecycleInput, { taskQueue = TASK_QUEUE, timings, maxHistoryEvents, temporalDeadlineMs: configured, readModel }: LifecycleOptions) {
  const deadline = temporalDeadlineMs(configured);
  const start = new WithStartWorkflowOperation(PROJECT_WORKFLOW_TYPE, {
    workflowId: args.projectId,
    taskQueue,
    args: [{ ...args, ...(timings ? { timings } : {}), ...(maxHistoryEvents ? { maxHistoryEvents } : {}) }],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    workflowIdConflictPolicy: 'FAIL',
    typedSearchAttributes: projectSearchAttributes('SUBMITTED', [...new Set([args.stateCode, ...args.needs.map((n) => n.stateCode)])].sort(), args.needs),
  });
  // A new project's read model holds none of its events yet.
  const projects = readModel ? { callerProjects: true, projectedUpTo: 0 } : {};
  try {
    const answer = await withTemporalDeadline(client, deadline, `starting project ${args.projectId}`, () =>
      client.workflow.executeUpdateWithStart(readModelCaughtUpUpdate, { args: [{ seq: 1, ...projects }], startWorkflowOperation: start }),
    );
    if (readModel && !(await projectedHere(readModel, answer))) await readModelCaughtUp(client, args.projectId, 1, deadline);
    return { projectId: args.projectId, created: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  await readModelCaughtUp(client, args.projectId, 1, deadline, readModel);
  return { projectId: args.projectId, created: false };
}

/** Waits until the read model holds event `seq` of the project, so the caller can read its own write. */
async function readModelCaughtUp(client: Client, projectId: string, seq: number, deadlineMs: number, readModel?: Kysely<DB>): Promise<void> {
  try {
    const projects = readModel ? { callerProjects: true, projectedUpTo: await lastProjectedSeq(readModel, projectId) } : {};
    const answer = await withTemporalDeadline(client, deadlineMs, `project ${projectId}'s filing`, () =>
      sendUpdate(`project ${projectId}'s filing`, (updateId) => client.workflow.getHandle(projectId).executeUpdate(readModelCaughtUpUpdate, { args: [{ seq, ...projects }], updateId })),
    );
    if (readModel && !(await projectedHere(readModel, answer))) await readModelCaughtUp(client, projectId, seq, deadlineMs);
  } catch (err) {
    // A finished workflow has projected everything it ever will.
    if (!isWorkflowGone(err)) throw err;
  }
}

/**
 * The last event the read model holds for a project (0 before its filing): sent with an Update, it
 * keeps the answer to the events written since, so answers (and the history keeping them) stay small.
 */
async function lastProjectedSeq(readModel: Kysely<DB>, projectId: string): Promise<number | undefined> {
  try {
    const row = await readModel.selectFrom('projects').select('last_event_seq').where('id', '=', projectId).executeTakeFirst();
    return row?.last_event_seq ?? 0;
  } catch {
    return undefined; // the read model is unreachable: the answer carries every unprojected event, as before
  }
}

/**
 * Writes the events an answer carries, oldest first, with the projection activity's own idempotent
 * write. False when it could not (PostgreSQL unreachable, or refusing the data): the caller then waits
 * for the projection activity, which retries the outage or records the refusal as an escalation.
 * A workflow older than `callerProjects` answers without events: false, and the caller waits as before.
 */
async function projectedHere(readModel: Kysely<DB>, answer: ProjectSnapshot, stored?: StoredProjectRow): Promise<{ row?: ProjectRow } | false> {
  if (!answer.events) return false;
  try {
    // Most transitions move only the project's row: one statement, from the row the caller read before.
    const row = stored ? await writeProjectEventsAtOnce(readModel, answer.projectId, stored, answer.events) : null;
    if (row) return { row };
    for (const projection of answer.events) await writeProjectEvent(readModel, projection);
    return {};
  } catch {
    return false;
  }
}

/**
 * Sends a transition Update. The workflow's validator decides; its refusal comes back as a typed error.
 * The same idempotency key gives the same update id, so a retried call is applied once.
 */
export async function applyTransition<P>(
  client: Client,
  projectId: string,
  update: UpdateDefinition<ProjectSnapshot, [TransitionArgs<P>]>,
  args: TransitionArgs<P>,
  idempotencyKey?: string,
  options: Pick<LifecycleOptions, 'temporalDeadlineMs' | 'readModel'> & {
    /**
     * The project's last event in the read model as the caller already read it (its scope check reads the
     * row): sent as `projectedUpTo` without reading it again. Any earlier read will do, since the read
     * model only moves forward; absent, it is read here.
     */
    readModelAt?: number;
    /**
     * The project's row as the caller read it (its scope check): when it is the state right before the
     * answer's events, they are written in one statement from it (writeProjectEventsAtOnce).
     */
    readModelRow?: StoredProjectRow;
  } = {},
): Promise<ProjectSnapshot & { readModelRow?: ProjectRow }> {
  const deadline = temporalDeadlineMs(options.temporalDeadlineMs);
  // Every transition, also one that ends the project, is answered with its events as soon as they are
  // committed and written here. A project that ends then projects them once more (idempotent) and ends
  // right after the answer: its caller does not wait for that projection or for the workflow's end.
  const readModel = options.readModel;
  let answer: ProjectSnapshot;
  const sent = readModel ? { ...args, callerProjects: true, projectedUpTo: options.readModelAt ?? (await lastProjectedSeq(readModel, projectId)) } : args;
  try {
    const what = `${update.name} on ${projectId}`;
    answer = await withTemporalDeadline(client, deadline, what, () =>
      sendUpdate(what, (updateId) => client.workflow.getHandle(projectId).executeUpdate(update, { args: [sent], updateId }), idempotencyKey ? `${update.name}:${idempotencyKey}` : undefined),
    );
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
      const failure = err.cause;
      if (failure.type === 'InvalidInput') throw new ValidationError((failure.details ?? []) as FieldIssue[]);
      if (failure.type === 'TransitionRefused') {
        const refusal = asTransitionRefusal((failure.details?.[0] as { refusal?: unknown } | undefined)?.refusal);
        throw new TransitionRefusedError(refusal, failure.message);
      }
    }
    if (err instanceof WorkflowNotFoundError) throw new NotFoundError(`project ${projectId} not found`);
    if (isWorkflowGone(err)) throw new TransitionRefusedError('WRONG_STAGE', `project ${projectId} has ended; no transition applies`);
    throw err;
  }
  if (!readModel) return answer;
  const { events, ...snapshot } = answer;
  const projected = await projectedHere(readModel, answer, options.readModelRow);
  if (!projected) {
    // Read-your-writes all the same: wait (within the deadline) until the activity has projected it.
    const seq = events?.at(-1)?.event.seq ?? answer.lastSeq;
    await readModelCaughtUp(client, projectId, seq, deadline);
  }
  // The row this call wrote, when it wrote it in one statement: the caller need not read it again.
  return projected && projected.row ? { ...snapshot, readModelRow: projected.row } : snapshot;
}

function isWorkflowGone(err: unknown): boolean {
  if (err instanceof WorkflowNotFoundError) return true;
  const message = err instanceof Error ? `${err.message} ${String((err as { cause?: unknown }).cause ?? '')}` : '';
  return /workflow execution already completed|already completed/i.test(message);
}
