// What the outside world shares with the lifecycle workflows: inputs, updates, signals and queries,
// and the shape of the events they project into the read model. Safe to import from the API.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/roles.js';
import type { Stage } from '../domain/stages.js';
import type { ProjectNeed, ProjectState } from '../domain/project-state.js';
import type { AbsorbedSummary, EventActor, ProjectEvent, ProjectFiling } from '../domain/project-events.js';
import type { TransitionName } from '../domain/transitions.js';

export const TASK_QUEUE = 'palermo-projects';
/**
 * The workflow type new projects start as. Runs of the types before it (`projectLifecycle`,
 * `projectLifecycleV2`, started by earlier releases) still replay and run on the same function, their
 * patches deciding; see hasChange in project-lifecycle.ts.
 */
export const PROJECT_WORKFLOW_TYPE = 'projectLifecycleV3';

/** The failure type of a projection PostgreSQL refuses on the data: never retried, escalated instead. */
export const PROJECTION_REJECTED = 'ProjectionRejected';

/** A need as filed with a request. */
export type NeedRecord = ProjectNeed;

/** Durations of the lifecycle's reminders and deadlines (ms-style strings such as '30 days', '2s'). */
export interface LifecycleTimings {
  informationReminder: string;
  informationDeadline: string;
  fundingReminder: string;
  fundingEscalation: string;
  progressReportInterval: string;
  evaluationReminder: string;
  evaluationDeadline: string;
  /**
   * How long an event committed for a caller that projects (`callerProjects`) waits for that caller's
   * write before the projection activity writes it (the backstop). '0s': at once, as before.
   */
  projectionBackstop: string;
}

export const DEFAULT_TIMINGS: LifecycleTimings = {
  informationReminder: '14 days',
  informationDeadline: '30 days',
  fundingReminder: '30 days',
  fundingEscalation: '90 days',
  progressReportInterval: '90 days',
  evaluationReminder: '14 days',
  evaluationDeadline: '60 days',
  // Longer than the API takes from an Update's answer to the caller's next Update, even on a loaded
  // machine (seconds at worst), so that next Update's projectedUpTo drops the event and the projection
  // activity never runs for it; short enough that a crashed API leaves the read model behind by
  // seconds only. A caller waiting for the read model cuts it short.
  projectionBackstop: '5 seconds',
};

export interface ProjectLifecycleInput {
  projectId: string;
  stateCode: string;
  title: string;
  idempotencyKey: string;
  filedBy: Actor;
  needs: NeedRecord[];
  timings?: Partial<LifecycleTimings>;
  /**
   * Continue-as-new once this run's history holds this many events (default
   * DEFAULT_MAX_HISTORY_EVENTS), or earlier when Temporal suggests it.
   */
  maxHistoryEvents?: number;
  /** Continue-as-new once this run's history holds this many bytes (default DEFAULT_MAX_HISTORY_BYTES). */
  maxHistoryBytes?: number;
  /** Set by the previous run when the workflow continued as new. */
  carried?: LifecycleCarry;
}

/** Keeps each run's history far under 1 MB (about 12 history events per action). */
export const DEFAULT_MAX_HISTORY_EVENTS = 2000;
/** Long texts (narratives, answers) make events large: bytes bound a run as well as the count does. */
export const DEFAULT_MAX_HISTORY_BYTES = 512 * 1024;
/**
 * At most this many events in one answer to a caller that projects: every answer is kept in the
 * history, so a read model far behind is left to the projection activity, and the caller waits for it.
 */
export const MAX_EVENTS_PER_ANSWER = 20;

export type { EventActor, ProjectEvent, ProjectEventKind } from '../domain/project-events.js';

/**
 * What the projection activity gets: the event (not the project's whole state; the activity applies
 * the event to the state the read model holds) and the filing's facts the project row keeps.
 */
export interface ProjectProjection {
  projectId: string;
  event: ProjectEvent;
  idempotencyKey: string;
  filedBy: Actor;
  filedAt: string;
  /** On the FILED event only. */
  filing?: ProjectFiling;
}

/** Pending reminders and deadlines as absolute due times (ms since the epoch), so they survive continue-as-new. */
export interface DeadlineTimers {
  information?: { remindAt: number; deadlineAt: number; reminded: boolean; escalated: boolean };
  funding?: { nextAt: number; escalateAt: number; escalated: boolean };
  /** dueAt is null while the project is suspended; remainingMs is what was left when it was suspended. */
  progress?: { dueAt: number | null; remainingMs: number };
}

/** Everything a lifecycle run hands to the next when it continues as new. */
export interface LifecycleCarry {
  state: ProjectState;
  filedAt: string;
  lastSeq: number;
  projectedSeq: number;
  unprojected: ProjectProjection[];
  /**
   * The carried unprojected events committed for a caller that projects (their seqs): their projection
   * may wait for that caller's write. Absent (runs before the deferred backstop): all project at once.
   */
  callerProjectsSeqs?: number[];
  evaluationId: string | null;
  timers: DeadlineTimers;
  /** Runs so far, this one included. */
  run: number;
}

export interface TransitionArgs<P> {
  actor: Actor;
  payload: P;
  /**
   * The caller writes the read model itself from the events the answer carries (the API does, with the
   * same idempotent projection the activity runs): the handler answers once the event is committed,
   * without waiting for the projection activity, which still runs as the backstop. Absent: the answer
   * waits until the read model holds the event.
   */
  callerProjects?: boolean;
  /**
   * With `callerProjects`: the last event the read model held when the caller read it, just before
   * sending. The workflow counts events up to it as projected (the activity need not write them) and
   * answers with the later ones only; without it an answer repeats every event still unprojected.
   * Without `callerProjects` (the API's transitions that end a project sent it so before 2026-12-06; the
   * API now sends `callerProjects` with every transition), workflows since the deferred backstop count
   * events up to it as projected too; the answer still waits for the read model.
   */
  projectedUpTo?: number;
}

export interface ProjectSnapshot {
  projectId: string;
  stage: Stage;
  stateCodes: string[];
  /** Events applied to the workflow, and how many of them the read model holds. */
  lastSeq: number;
  projectedSeq: number;
  /**
   * With `callerProjects`: every event not yet projected, up to the one this update committed, in order;
   * absent when they are more than MAX_EVENTS_PER_ANSWER (the caller then waits for the activity).
   */
  events?: ProjectProjection[];
}

const updates = new Map<string, UpdateDefinition<ProjectSnapshot, [TransitionArgs<unknown>]>>();
/** The Update that carries lifecycle action `name`. */
export function actionUpdate(name: TransitionName): UpdateDefinition<ProjectSnapshot, [TransitionArgs<unknown>]> {
  let def = updates.get(name);
  if (!def) updates.set(name, (def = defineUpdate<ProjectSnapshot, [TransitionArgs<unknown>]>(name)));
  return def;
}

export const startAssessmentUpdate = actionUpdate('startAssessment');
/** Resolves once the read model holds every event up to `seq`: lets the API read its own writes. */
/** With `callerProjects` it answers at once with the events the caller must write (see TransitionArgs). */
export const readModelCaughtUpUpdate = defineUpdate<ProjectSnapshot, [{ seq: number; callerProjects?: boolean; projectedUpTo?: number }]>('readModelCaughtUp');
export const snapshotQuery = defineQuery<ProjectSnapshot>('snapshot');
export const stateQuery = defineQuery<ProjectState>('state');

/**
 * Sent (by an activity) from a project being merged to the surviving project, before the merged
 * project commits MERGED: the survivor's validator may refuse; its handler takes the needs and States.
 */
export interface AbsorbMergedProject extends AbsorbedSummary {
  by: Actor;
}
export const absorbMergedProjectUpdate = defineUpdate<ProjectSnapshot, [AbsorbMergedProject]>('absorbMergedProject');

export interface ProjectEvaluationInput {
  projectId: string;
  /** The lead evaluator. */
  evaluator: string;
  /** The other panel members; absent for a lone evaluator (and in evaluations started before panels). */
  panel?: string[];
  reminder: string;
  deadline: string;
}
/** The evaluation child tells its project about reminders and a lapsed deadline. */
export const evaluationNoticeSignal = defineSignal<[{ kind: 'REMINDER' | 'ESCALATION'; message: string }]>('evaluationNotice');
/** The project tells its evaluation child that the outcome assessment is in. */
export const evaluationSubmittedSignal = defineSignal('evaluationSubmitted');

