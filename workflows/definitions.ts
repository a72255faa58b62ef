// What the outside world shares with the projectLifecycle workflow: its input, its updates and queries,
// and the shape of the events it projects into the read model. Safe to import from the API.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../domain/roles.js';
import type { Stage } from '../domain/stages.js';
import type { NeedInput, StartAssessmentInput } from '../domain/inputs.js';

export const TASK_QUEUE = 'palermo-projects';

export interface NeedRecord extends NeedInput {
  /** Stable id: `<projectId>/need-<n>`. */
  id: string;
  stateCode: string;
  source: 'FORMAL_REQUEST';
}

export interface ProjectLifecycleInput {
  projectId: string;
  stateCode: string;
  title: string;
  idempotencyKey: string;
  filedBy: Actor;
  needs: NeedRecord[];
}

export type ProjectEventKind = 'FILED' | 'TRANSITION';

/** One line of the audit trail: who, when, what, from which stage to which. */
export interface ProjectEvent {
  seq: number;
  kind: ProjectEventKind;
  /** The transition's name for a TRANSITION; `fileRequest` for the filing. */
  action: string;
  actor: Actor;
  at: string;
  fromStage: Stage | null;
  toStage: Stage;
  summary: Record<string, unknown>;
}

/** What the projection activity writes: the event, plus the project as it stands after it. */
export interface ProjectProjection {
  projectId: string;
  event: ProjectEvent;
  project: {
    stateCodes: string[];
    title: string;
    stage: Stage;
    idempotencyKey: string;
    filedBy: Actor;
    filedAt: string;
  };
  /** Present on the FILED event only. */
  needs?: NeedRecord[];
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

export const startAssessmentUpdate = defineUpdate<ProjectSnapshot, [TransitionArgs<StartAssessmentInput>]>('startAssessment');
/** Resolves once the read model holds every event up to `seq`: lets the API read its own writes. */
export const readModelCaughtUpUpdate = defineUpdate<ProjectSnapshot, [{ seq: number }]>('readModelCaughtUp');
export const snapshotQuery = defineQuery<ProjectSnapshot>('snapshot');
