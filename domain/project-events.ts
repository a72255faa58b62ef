// A project's events and how each one changes the project. Pure: the workflow applies an event to its
// state when it commits it, and the projection activity applies the same event to the state stored in
// the read model, so the two agree without the whole state travelling through workflow history.
import { ACTIONS } from './project-actions.js';
import { copyProjectState, newProjectState, type ProjectNeed, type ProjectState } from './project-state.js';
import type { Actor } from './roles.js';
import type { Stage } from './stages.js';
import type { TransitionName } from './transitions.js';

/** Who acted: a caller, or palermo's own timers. */
export type EventActor = Actor | { subject: 'palermo'; role: 'SYSTEM' };

export const PROJECT_EVENT_KINDS = ['FILED', 'TRANSITION', 'RECORDED', 'ABSORBED', 'REMINDER', 'ESCALATION'] as const;
export type ProjectEventKind = (typeof PROJECT_EVENT_KINDS)[number];

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
  /**
   * What was accepted: an action's payload as its validator accepted it; `{ message }` for a reminder
   * or an escalation; `{ fromProjectId, stateCodes, needs }` for an absorbed merge; `{ needs }` (a count) for the filing.
   */
  summary: Record<string, unknown>;
}

/** What the filing brings; the FILED event's projection carries it once. */
export interface ProjectFiling {
  projectId: string;
  title: string;
  stateCode: string;
  needs: ProjectNeed[];
}

export interface AbsorbedSummary {
  fromProjectId: string;
  stateCodes: string[];
  needs: ProjectNeed[];
}

/** The project after `event`. `state` is null only for the FILED event, which needs the filing. */
export function applyProjectEvent(state: ProjectState | null, event: ProjectEvent, filing?: ProjectFiling): ProjectState {
  if (event.kind === 'FILED') {
    if (!filing) throw new Error('a FILED event needs its filing');
    return newProjectState(filing);
  }
  if (!state) throw new Error(`event ${event.seq} (${event.action}) has no project to apply to`);
  const next = copyProjectState(state);
  switch (event.kind) {
    case 'TRANSITION':
    case 'RECORDED': {
      const spec = ACTIONS[event.action as TransitionName];
      spec?.apply?.(next, event.summary as never, { by: event.actor.subject, at: event.at }, event.actor as Actor);
      break;
    }
    case 'ABSORBED': {
      // The survivor of a merge takes over the merged project's needs and States (domain.md S8).
      const { fromProjectId, stateCodes, needs } = event.summary as unknown as AbsorbedSummary;
      next.stateCodes = [...new Set([...next.stateCodes, ...stateCodes])].sort();
      next.needs = [...next.needs, ...needs.filter((n) => !next.needs.some((m) => m.id === n.id))];
      if (!next.mergedFrom.includes(fromProjectId)) next.mergedFrom.push(fromProjectId);
      next.endorsements = {}; // new beneficiaries must endorse the plan (R1)
      break;
    }
    case 'ESCALATION':
      next.escalations.push({ kind: event.action, at: event.at, message: String(event.summary.message ?? '') });
      break;
    case 'REMINDER':
      break;
  }
  next.stage = event.toStage;
  return next;
}

/** The needs a close adopts from the outcome assessment's recommendations (EVALUATION_FOLLOW_UP). */
export function adoptedNeeds(state: ProjectState, indexes: readonly number[]): ProjectNeed[] {
  const recommendations = state.outcomeAssessment?.recommendations ?? [];
  return indexes
    .filter((i) => recommendations[i] !== undefined)
    .map((i) => ({
      ...recommendations[i]!,
      id: `${state.projectId}/follow-up-${i + 1}`,
      stateCode: recommendations[i]!.state ?? state.stateCodes[0]!,
      source: 'EVALUATION_FOLLOW_UP',
      originProjectId: state.projectId,
    }));
}
