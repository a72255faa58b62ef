// The life of one technical-assistance project. Deterministic: no I/O here, only state, timers, a child
// workflow and activities. The workflow's state is the truth; every event is projected in order.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { msToNumber } from '@temporalio/common/lib/time.js';
import { fieldIssues } from '../domain/inputs.js';
import { ACTIONS } from '../domain/project-actions.js';
import { copyProjectState, newProjectState, type ProjectNeed, type ProjectState } from '../domain/project-state.js';
import type { Actor } from '../domain/roles.js';
import { isFinalStage, type Stage } from '../domain/stages.js';
import { decideTransition, TRANSITIONS, type TransitionName } from '../domain/transitions.js';
import type { ProjectionActivities } from '../activities/index.js';
import {
  DEFAULT_TIMINGS,
  absorbMergedProjectSignal,
  actionUpdate,
  evaluationNoticeSignal,
  evaluationSubmittedSignal,
  readModelCaughtUpUpdate,
  snapshotQuery,
  stateQuery,
  type EventActor,
  type ProjectEvent,
  type ProjectLifecycleInput,
  type ProjectProjection,
  type ProjectSnapshot,
} from './definitions.js';
import { projectEvaluation } from './project-evaluation.js';
import { projectSearchAttributes } from './project-search-attributes.js';

const { projectEvent } = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  // No maximum attempts: if Postgres is down the workflow waits, and the read model catches up later.
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

const TIMER: EventActor = { subject: 'palermo', role: 'SYSTEM' };

export async function projectLifecycle(input: ProjectLifecycleInput): Promise<void> {
  const timings = { ...DEFAULT_TIMINGS, ...input.timings };
  const filedAt = new Date().toISOString();
  let state: ProjectState = newProjectState({ projectId: input.projectId, title: input.title, stateCode: input.stateCode, needs: input.needs });
  let lastSeq = 0;
  let projectedSeq = 0;
  const unprojected: ProjectProjection[] = [];
  let evaluation: ChildWorkflowHandle<typeof projectEvaluation> | undefined;

  const snapshot = (): ProjectSnapshot => ({ projectId: input.projectId, stage: state.stage, stateCodes: state.stateCodes, lastSeq, projectedSeq });

  function record(event: Omit<ProjectEvent, 'seq' | 'at'>, followUpNeeds?: ProjectNeed[]): number {
    lastSeq += 1;
    unprojected.push({
      event: { ...event, seq: lastSeq, at: new Date().toISOString() },
      state: copyProjectState(state),
      idempotencyKey: input.idempotencyKey,
      filedBy: input.filedBy,
      filedAt,
      followUpNeeds,
    });
    return lastSeq;
  }

  const notify = (kind: 'REMINDER' | 'ESCALATION', action: string, message: string) => {
    if (kind === 'ESCALATION') state.escalations.push({ kind: action, at: new Date().toISOString(), message });
    record({ kind, action, actor: TIMER, fromStage: state.stage, toStage: state.stage, summary: { message } });
  };

  /** Decides an action: role, scope and stage, then the payload, then the action's own precondition. */
  function decide(name: TransitionName, actor: Actor, payload: unknown) {
    const decision = decideTransition(name, actor, { stage: state.stage, stateCodes: state.stateCodes });
    if (!decision.allowed) throw refused(decision.reason, decision.refusal);
    const spec = ACTIONS[name];
    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) {
      throw ApplicationFailure.create({ type: 'InvalidInput', message: `invalid ${name} input`, details: fieldIssues(parsed.error, 'input'), nonRetryable: true });
    }
    const blocked = spec.precondition?.(state, parsed.data as never, actor);
    if (blocked) throw refused(blocked, 'PRECONDITION_FAILED');
    return { to: decision.to, payload: parsed.data };
  }

  for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
    setHandler(
      actionUpdate(name),
      async ({ actor, payload }) => {
        const { to, payload: parsed } = decide(name, actor, payload);
        const from = state.stage;
        const next = copyProjectState(state);
        ACTIONS[name].apply?.(next, parsed as never, { by: actor.subject, at: new Date().toISOString() }, actor);
        next.stage = to;
        state = next;
        const followUps = name === 'close' ? adoptedNeeds((parsed as { adoptRecommendations: number[] }).adoptRecommendations) : undefined;
        const seq = record({ kind: from === to ? 'RECORDED' : 'TRANSITION', action: name, actor, fromStage: from, toStage: to, summary: parsed as Record<string, unknown> }, followUps);
        if (from !== to) upsertSearchAttributes(projectSearchAttributes(state.stage, state.stateCodes, state.needs));
        await afterAction(name, actor);
        await condition(() => projectedSeq >= seq);
        return snapshot();
      },
      { validator: ({ actor, payload }) => void decide(name, actorOf(actor), payload) },
    );
  }

  async function afterAction(name: TransitionName, actor: Actor) {
    if (name === 'merge' && state.mergedInto) {
      // The survivor takes over the needs and their States (domain.md S8); the merged project ends.
      await getExternalWorkflowHandle(state.mergedInto).signal(absorbMergedProjectSignal, {
        fromProjectId: input.projectId, stateCodes: state.stateCodes, needs: state.needs, at: new Date().toISOString(), by: actor,
      });
    }
    if (name === 'startEvaluation' && state.evaluator) {
      evaluation = await startChild(projectEvaluation, {
        workflowId: `${input.projectId}/evaluation`,
        args: [{ projectId: input.projectId, evaluator: state.evaluator, reminder: timings.evaluationReminder, deadline: timings.evaluationDeadline }],
      });
    }
    if (name === 'submitOutcomeAssessment' && evaluation) await evaluation.signal(evaluationSubmittedSignal);
  }

  function adoptedNeeds(indexes: number[]): ProjectNeed[] {
    const recommendations = state.outcomeAssessment?.recommendations ?? [];
    return indexes.map((i) => ({
      ...recommendations[i]!,
      id: `${input.projectId}/follow-up-${i + 1}`,
      stateCode: recommendations[i]!.state ?? state.stateCodes[0]!,
      source: 'EVALUATION_FOLLOW_UP',
      originProjectId: input.projectId,
    }));
  }

  // Record the filing before any handler that reads state runs: updates buffered with the start run at setHandler.
  record({ kind: 'FILED', action: 'fileRequest', actor: input.filedBy, fromStage: null, toStage: 'SUBMITTED', summary: { needs: input.needs.length } });
  upsertSearchAttributes(projectSearchAttributes(state.stage, state.stateCodes, state.needs));

  setHandler(readModelCaughtUpUpdate, async ({ seq }) => {
    await condition(() => projectedSeq >= Math.min(seq, lastSeq));
    return snapshot();
  });
  setHandler(snapshotQuery, snapshot);
  setHandler(stateQuery, () => state);
  setHandler(absorbMergedProjectSignal, ({ fromProjectId, stateCodes, needs, by }) => {
    const next = copyProjectState(state);
    next.stateCodes = [...new Set([...next.stateCodes, ...stateCodes])].sort();
    next.needs = [...next.needs, ...needs.filter((n) => !next.needs.some((m) => m.id === n.id))];
    next.mergedFrom.push(fromProjectId);
    next.endorsements = {}; // new beneficiaries must endorse the plan (R1)
    state = next;
    record({ kind: 'ABSORBED', action: 'absorbMergedProject', actor: by, fromStage: state.stage, toStage: state.stage, summary: { fromProjectId, needs: needs.length } });
    upsertSearchAttributes(projectSearchAttributes(state.stage, state.stateCodes, state.needs));
  });
  setHandler(evaluationNoticeSignal, ({ kind, message }) => notify(kind, 'evaluation', message));

  void watchDeadlines();

  // Project events one at a time, in order, so the read model never runs ahead of or behind itself.
  for (;;) {
    await condition(() => unprojected.length > 0 || isFinalStage(state.stage));
    const next = unprojected[0];
    if (!next) break;
    await projectEvent(next);
    unprojected.shift();
    projectedSeq = next.event.seq;
  }
  await condition(allHandlersFinished);

  /** Durable reminders and escalations for each waiting stage; they live as long as the stage. */
  async function watchDeadlines(): Promise<void> {
    for (;;) {
      const stage = state.stage;
      if (isFinalStage(stage)) return;
      if (stage === 'AWAITING_INFORMATION') await watchInformationRequest();
      else if (stage === 'AWAITING_FUNDING') await watchFunding();
      else if (stage === 'IN_DELIVERY' || stage === 'SUSPENDED') await watchProgressReports();
      await condition(() => state.stage !== stage);
    }
  }

  async function watchInformationRequest() {
    const left = () => state.stage !== 'AWAITING_INFORMATION';
    if (await condition(left, timings.informationReminder)) return;
    notify('REMINDER', 'informationRequest', `the State has not yet answered: ${state.informationRequests.at(-1)?.question ?? ''}`);
    const rest = Math.max(0, msToNumber(timings.informationDeadline) - msToNumber(timings.informationReminder));
    if (await condition(left, rest)) return;
    notify('ESCALATION', 'informationRequest', 'the information request lapsed without an answer; the programme manager decides');
  }

  async function watchFunding() {
    const left = () => state.stage !== 'AWAITING_FUNDING';
    let waited = 0;
    let escalated = false;
    const reminder = msToNumber(timings.fundingReminder);
    const escalation = msToNumber(timings.fundingEscalation);
    for (;;) {
      const step = escalated ? reminder : Math.min(reminder, escalation - waited);
      if (await condition(left, step)) return;
      waited += step;
      if (!escalated && waited >= escalation) {
        escalated = true;
        notify('ESCALATION', 'funding', `the budget is still not covered after ${timings.fundingEscalation}`);
      } else {
        notify('REMINDER', 'funding', 'the budget is not yet covered by pledges');
      }
    }
  }

  /** A progress report is due every interval of active delivery; time suspended does not count. */
  async function watchProgressReports() {
    const interval = msToNumber(timings.progressReportInterval);
    let remaining = interval;
    for (;;) {
      await condition(() => state.stage !== 'SUSPENDED');
      if (state.stage !== 'IN_DELIVERY') return;
      const reports = state.progressReports.length;
      const started = Date.now();
      const changed = await condition(() => state.stage !== 'IN_DELIVERY' || state.progressReports.length > reports, remaining);
      if (!changed) {
        notify('REMINDER', 'progressReport', 'a progress report is due');
        remaining = interval;
      } else if (state.progressReports.length > reports) {
        remaining = interval;
      } else {
        remaining = Math.max(1, remaining - (Date.now() - started)); // paused: keep what was left
      }
    }
  }
}

function refused(reason: string, refusal: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'TransitionRefused', message: reason, details: [{ refusal }], nonRetryable: true });
}

/** The actor arrives from the API, which authenticated it; the validator only guards its shape. */
function actorOf(actor: Actor | undefined): Actor {
  if (!actor || typeof actor.subject !== 'string' || typeof actor.role !== 'string') {
    throw ApplicationFailure.create({ type: 'InvalidInput', message: 'an update must name its actor', nonRetryable: true });
  }
  return actor;
}

