// What the outside world shares with the lifecycle workflows: inputs, updates, signals and queries,
// and the shape of the events they project into the read model. Safe to import from the API.
import type { UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/roles.js';
import type { Stage } from '../domain/stages.js';
import type { ProjectNeed, ProjectState } from '../domain/project-state.js';
import type { TransitionName } from '../domain/transitions.js';

export const TASK_QUEUE = 'palermo-projects';

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
}

export const DEFAULT_TIMINGS: LifecycleTimings = {
  informationReminder: '14 days',
  informationDeadline: '30 days',
  fundingReminder: '30 days',
  fundingEscalation: '90 days',
  progressReportInterval: '90 days',
  evaluationReminder: '14 days',
  evaluationDeadline: '60 days',
};

export interface ProjectLifecycleInput {
  projectId: string;
  stateCode: string;
  title: string;
  idempotencyKey: string;
  filedBy: Actor;
  needs: NeedRecord[];
  timings?: Partial<LifecycleTimings>;
}

/** Who acted: a caller, or palermo's own timers. */
export type EventActor = Actor | { subject: 'palermo'; role: 'SYSTEM' };

export type ProjectEventKind = 'FILED' | 'TRANSITION' | 'RECORDED' | 'ABSORBED' | 'REMINDER' | 'ESCALATION';

/** One line of the audit trail: who, when, what, from which stage to which. */
export interface ProjectEvent {
  seq: number;
  kind: ProjectEventKind;
  /** The action's name (`fileRequest`, `startAssessment`, …) or the timer's. */
  action: string;
  actor: EventActor;
  at: string;
  fromStage: Stage | null;
  toStage: Stage;
  summary: Record<string, unknown>;
}

/** What the projection activity writes: the event, and the project as it stands after it. */
export interface ProjectProjection {
  event: ProjectEvent;
  state: ProjectState;
  idempotencyKey: string;
  filedBy: Actor;
  filedAt: string;
  /** New needs adopted from the outcome assessment's recommendations, on the close event. */
  followUpNeeds?: ProjectNeed[];
}

export interface TransitionArgs<P> {
  actor: Actor;
  payload: P;
}

export interface ProjectSnapshot {
  projectId: string;
  stage: Stage;
  stateCodes: string[];
  /** Events applied to the workflow, and how many of them the read model holds. */
  lastSeq: number;
  projectedSeq: number;
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
export const readModelCaughtUpUpdate = defineUpdate<ProjectSnapshot, [{ seq: number }]>('readModelCaughtUp');
export const snapshotQuery = defineQuery<ProjectSnapshot>('snapshot');
export const stateQuery = defineQuery<ProjectState>('state');

/** Sent by a project being merged to the surviving project: its needs and States move over. */
export const absorbMergedProjectSignal = defineSignal<[{ fromProjectId: string; stateCodes: string[]; needs: NeedRecord[]; at: string; by: Actor }]>('absorbMergedProject');

export interface ProjectEvaluationInput {
  projectId: string;
  evaluator: string;
  reminder: string;
  deadline: string;
}
/** The evaluation child tells its project about reminders and a lapsed deadline. */
export const evaluationNoticeSignal = defineSignal<[{ kind: 'REMINDER' | 'ESCALATION'; message: string }]>('evaluationNotice');
/** The project tells its evaluation child that the outcome assessment is in. */
export const evaluationSubmittedSignal = defineSignal('evaluationSubmitted');

