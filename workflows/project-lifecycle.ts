// The life of one technical-assistance project. Deterministic: no I/O here, only state, timers, a child
// workflow and activities. The workflow's state is the truth; every event is projected in order.
//
// Replay safety: an Update's validator decides (role, scope, stage, payload, precondition) and never
// runs on replay; its handler applies the payload exactly as the history holds it, with the pure
// applyProjectEvent, and decides nothing, so a release that changes a rule or a code list cannot make
// an open project's history replay differently.
import {
  ActivityFailure,
  ApplicationFailure,
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { msToNumber } from '@temporalio/common/lib/time.js';
import { fieldIssues } from '../domain/inputs.js';
import { ACTIONS } from '../domain/project-actions.js';
import { applyProjectEvent, type ProjectFiling } from '../domain/project-events.js';
import { carriedProjectState, type ProjectState } from '../domain/project-state.js';
import type { Actor } from '../domain/roles.js';
import { isFinalStage, type Stage } from '../domain/stages.js';
import { decideTransition, TRANSITIONS, type TransitionName } from '../domain/transitions.js';
import type { ProjectionActivities } from '../activities/index.js';
import {
  DEFAULT_MAX_HISTORY_BYTES,
  DEFAULT_MAX_HISTORY_EVENTS,
  DEFAULT_TIMINGS,
  MAX_EVENTS_PER_ANSWER,
  PROJECTION_REJECTED,
  absorbMergedProjectUpdate,
  actionUpdate,
  evaluationNoticeSignal,
  evaluationSubmittedSignal,
  readModelCaughtUpUpdate,
  snapshotQuery,
  stateQuery,
  type DeadlineTimers,
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
  // A failure in the data itself comes back non-retryable (ProjectionRejected) and is escalated.
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2, nonRetryableErrorTypes: [PROJECTION_REJECTED] },
});

const { askSurvivorToAbsorb } = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '20 seconds',
  // The caller of merge is waiting: a survivor that cannot be reached after three tries refuses the merge.
  retry: { initialInterval: '1 second', maximumInterval: '5 seconds', maximumAttempts: 3 },
});

/** Patch id: a run may continue as new while events wait for projection (they carry over). */
const CONTINUE_AS_NEW_WITH_UNPROJECTED = 'continue-as-new-with-unprojected';
/**
 * Patch id: an event committed for a caller that projects waits up to `timings.projectionBackstop` for
 * that caller's next `projectedUpTo` before the projection activity writes it (most never need it).
 */
const DEFERRED_BACKSTOP = 'deferred-backstop';
/**
 * Patch id: the backstop's timer runs for a quiet period instead of one per event. A caller's next
 * projectedUpTo no longer cancels it; when it fires, the oldest event still waiting gets what is left of its
 * own delay (a timer started and cancelled in every transition's task cost the server and the worker).
 */
const BACKSTOP_PER_QUIET_PERIOD = 'backstop-per-quiet-period';
/**
 * Patch id: within a burst, Temporal's visibility learns the project's search attributes once the burst is
 * over (or the project ends), not at every transition (each upsert cost the server ~4.5 ms of CPU); a
 * first run keeps those its starter set instead of upserting them again.
 */
const SEARCH_ATTRIBUTES_AFTER_BURST = 'search-attributes-after-burst';
/**
 * Patch id: a submitted assessment is answered once committed; the evaluation child is told without the
 * evaluator waiting for the signal's delivery (a second workflow task, and the server's hop to the child).
 */
const EVALUATION_TOLD_WITHOUT_WAITING = 'evaluation-told-without-waiting';

/**
 * The changes a run of each workflow type has without a patch marker: those made before the type was
 * introduced. Each marker cost a TemporalChangeVersion upsert of search attributes per run (sdk-core's
 * patch machine), so every project filed since a type was introduced records none. A run of an earlier
 * type (started by an earlier release) has the later changes its history recorded, as always; a change
 * made after PROJECT_WORKFLOW_TYPE is guarded by `patched()` until the next type is introduced.
 */
const CHANGES_OF_V2 = [CONTINUE_AS_NEW_WITH_UNPROJECTED, DEFERRED_BACKSTOP, BACKSTOP_PER_QUIET_PERIOD, SEARCH_ATTRIBUTES_AFTER_BURST];
const CHANGES_OF_TYPE: Readonly<Record<string, readonly string[]>> = {
  projectLifecycle: [],
  projectLifecycleV2: CHANGES_OF_V2,
  // Each type has every change of the type before it, and those made since.
  projectLifecycleV3: [...CHANGES_OF_V2, EVALUATION_TOLD_WITHOUT_WAITING],
};

/** Whether this run has the change a patch id names: by its workflow type, else by its patch marker. */
function hasChange(patchId: string): boolean {
  return CHANGES_OF_TYPE[workflowInfo().workflowType]?.includes(patchId) || patched(patchId);
}

/** The summary of the timer that waits for a burst's end (tests tell it from the backstop's timers by having one). */
const SEARCH_ATTRIBUTES_TIMER = 'search attributes once the burst is over';

const TIMER: EventActor = { subject: 'palermo', role: 'SYSTEM' };
/** Stages a project may absorb a merged project in (README, the lifecycle). */
const ABSORBING_STAGES: readonly Stage[] = ['UNDER_ASSESSMENT', 'PLANNING'];

/**
 * One function under three workflow types: `projectLifecycle` and `projectLifecycleV2` for the runs
 * earlier releases started (their type and patches decide, as their histories recorded),
 * `projectLifecycleV3` (PROJECT_WORKFLOW_TYPE) for every project filed since, which has every change
 * without a patch marker (CHANGES_OF_TYPE). A continue-as-new keeps the type.
 */
export { projectLifecycle as projectLifecycleV2, projectLifecycle as projectLifecycleV3 };

export async function projectLifecycle(input: ProjectLifecycleInput): Promise<void> {
  const timings = { ...DEFAULT_TIMINGS, ...input.timings };
  const backstopDelay = msToNumber(timings.projectionBackstop);
  const maxHistoryEvents = input.maxHistoryEvents ?? DEFAULT_MAX_HISTORY_EVENTS;
  const maxHistoryBytes = input.maxHistoryBytes ?? DEFAULT_MAX_HISTORY_BYTES;
  const carried = input.carried;
  const filing: ProjectFiling = { projectId: input.projectId, title: input.title, stateCode: input.stateCode, needs: input.needs };
  const filedAt = carried?.filedAt ?? new Date().toISOString();
  let state: ProjectState = carried?.state ?? applyProjectEvent(null, { seq: 0, kind: 'FILED', action: 'fileRequest', actor: input.filedBy, at: filedAt, fromStage: null, toStage: 'SUBMITTED', summary: {} }, filing);
  let lastSeq = carried?.lastSeq ?? 0;
  let projectedSeq = carried?.projectedSeq ?? 0;
  const unprojected: ProjectProjection[] = carried ? [...carried.unprojected] : [];
  /** Unprojected events committed for a caller that projects: the backstop may wait for its write. */
  const callerProjectsSeqs = new Set<number>(carried?.callerProjectsSeqs ?? []);
  /** Handlers waiting until the read model holds an event: the backstop must not keep them waiting. */
  let readModelWaiters = 0;
  let evaluationId: string | null = carried?.evaluationId ?? null;
  const timers: DeadlineTimers = carried?.timers ?? {};
  const run = (carried?.run ?? 0) + 1;
  /** A transition waiting on a side effect (the survivor, the evaluation child) before it commits. */
  let applying: TransitionName | null = null;

  const snapshot = (): ProjectSnapshot => ({ projectId: input.projectId, stage: state.stage, stateCodes: state.stateCodes, lastSeq, projectedSeq });
  /**
   * The snapshot with every event the read model may still lack up to `seq`, oldest first: the caller
   * writes them in order (idempotent on (project, seq)), so none is skipped even when an earlier one is
   * still with the projection activity. Too many to keep in the history: none, and the caller waits.
   */
  const withEventsUpTo = (seq: number): ProjectSnapshot => {
    const events = unprojected.filter((p) => p.event.seq <= seq);
    return events.length > MAX_EVENTS_PER_ANSWER ? snapshot() : { ...snapshot(), events };
  };

  /** A caller read the read model holding every event up to `upTo`: they need no projecting here. */
  function projectedByCaller(upTo: number | undefined) {
    if (upTo === undefined || upTo <= projectedSeq) return;
    projectedSeq = Math.min(upTo, lastSeq);
    dropProjected();
  }
  function dropProjected() {
    while (unprojected.length > 0 && unprojected[0]!.event.seq <= projectedSeq) callerProjectsSeqs.delete(unprojected.shift()!.event.seq);
  }
  /** Waits (in a handler) until the read model holds event `seq`, telling the backstop not to defer meanwhile. */
  async function readModelHolds(seq: number) {
    readModelWaiters += 1;
    try {
      await condition(() => projectedSeq >= seq);
    } finally {
      readModelWaiters -= 1;
    }
  }

  /**
   * When the last event was committed, and whether it came within the backstop's delay of the one before:
   * only then is the project being worked in a burst, where the caller's next Update will most likely say
   * it wrote the event. At a person's pace (the next action days later) the activity projects at once, as
   * before the deferral: a timer that always fires would only add work.
   */
  let lastCommitMs: number | null = null;
  let lastCommitInBurst = false;
  /** The search attributes wait for the end of a burst (SEARCH_ATTRIBUTES_AFTER_BURST). */
  let searchAttributesStale = false;

  /** Commits an event: applies it to the state and queues its projection (the event, not the state). */
  function commit(event: Omit<ProjectEvent, 'seq' | 'at'>): number {
    lastSeq += 1;
    const nowMs = Date.now();
    lastCommitInBurst = lastCommitMs !== null && nowMs - lastCommitMs < backstopDelay;
    lastCommitMs = nowMs;
    const full: ProjectEvent = { ...event, seq: lastSeq, at: new Date(nowMs).toISOString() };
    if (full.kind !== 'FILED') state = applyProjectEvent(state, full);
    // Leaving a waiting stage drops its reminders, even if the stage is entered again before the watcher wakes.
    const leftTimer = full.fromStage ? timerKey(full.fromStage) : null;
    if (leftTimer && leftTimer !== timerKey(full.toStage)) delete timers[leftTimer];
    unprojected.push({
      projectId: input.projectId,
      event: full,
      idempotencyKey: input.idempotencyKey,
      filedBy: input.filedBy,
      filedAt,
      ...(full.kind === 'FILED' ? { filing } : {}),
    });
    return lastSeq;
  }

  const notify = (kind: 'REMINDER' | 'ESCALATION', action: string, message: string) =>
    commit({ kind, action, actor: TIMER, fromStage: state.stage, toStage: state.stage, summary: { message } });

  /** Decides an action (validator only): role, scope and stage, then the payload, then the action's own precondition. */
  function decide(name: TransitionName, actor: Actor, payload: unknown) {
    if (applying) throw refused(`${applying} is being applied to this project; try again once it has answered`, 'CONCURRENT_TRANSITION');
    const decision = decideTransition(name, actor, { stage: state.stage, stateCodes: state.stateCodes });
    if (!decision.allowed) throw refused(decision.reason, decision.refusal);
    const spec = ACTIONS[name];
    const parsed = spec.input.safeParse(payload);
    if (!parsed.success) {
      throw ApplicationFailure.create({ type: 'InvalidInput', message: `invalid ${name} input`, details: fieldIssues(parsed.error, 'input'), nonRetryable: true });
    }
    // The handler applies the payload as sent (and as the history keeps it), so it must be what the schema yields.
    if (canonical(parsed.data) !== canonical(payload)) {
      throw ApplicationFailure.create({ type: 'InvalidInput', message: `${name} input is not in its parsed form`, details: [{ field: 'input', message: 'send the payload as the action schema parses it' }], nonRetryable: true });
    }
    // What decides "may this be done now" (ready) is what Project.availableActions shows; then the payload's own rule.
    const blocked = spec.ready?.(state, actor) ?? spec.precondition?.(state, parsed.data as never, actor);
    if (blocked) throw refused(blocked, 'PRECONDITION_FAILED');
  }

  for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
    setHandler(
      actionUpdate(name),
      async ({ actor, payload, callerProjects, projectedUpTo }) => {
        // The validator accepted this payload right before; apply it as it is, deciding nothing again.
        const accepted = payload as Record<string, unknown>;
        if (callerProjects === true) projectedByCaller(projectedUpTo);
        // A caller that waits for the read model may still say what it holds (API releases before 2026-12-06 did,
        // for a transition that ends the project): those events need no projection activity, and the one this
        // commits is not kept waiting behind them. Kept for those callers' Updates and the histories that hold them.
        else if (projectedUpTo !== undefined && hasChange(DEFERRED_BACKSTOP)) projectedByCaller(projectedUpTo);
        // Side effects that can fail come before the commit: a failure leaves the project as it was.
        if (name === 'merge') await askSurvivor(accepted.intoProjectId as string, actor);
        if (name === 'startEvaluation') await startEvaluationChild(accepted.evaluator as string, (accepted.panel as string[] | undefined) ?? []);
        const from = state.stage;
        const to: Stage = TRANSITIONS[name].to ?? from;
        const seq = commit({ kind: from === to ? 'RECORDED' : 'TRANSITION', action: name, actor, fromStage: from, toStage: to, summary: accepted });
        if (from !== to) searchAttributesChanged();
        if (callerProjects === true && lastCommitInBurst) callerProjectsSeqs.add(seq);
        if (name === 'submitOutcomeAssessment') {
          if (hasChange(EVALUATION_TOLD_WITHOUT_WAITING)) void tellEvaluationSubmitted();
          else await tellEvaluationSubmitted();
        }
        if (callerProjects === true) return withEventsUpTo(seq);
        await readModelHolds(seq);
        return snapshot();
      },
      {
        validator: ({ actor, payload, projectedUpTo }) => {
          decide(name, actorOf(actor), payload);
          checkProjectedUpTo(projectedUpTo);
        },
      },
    );
  }

  /** A merge asks the survivor to absorb this project first; its refusal refuses the merge. */
  async function askSurvivor(survivorId: string, actor: Actor) {
    applying = 'merge';
    try {
      await askSurvivorToAbsorb(survivorId, { fromProjectId: input.projectId, stateCodes: state.stateCodes, needs: state.needs, by: actor });
    } catch (err) {
      const cause = err instanceof ActivityFailure ? err.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.type === 'TransitionRefused') {
        throw refused(cause.message, (cause.details?.[0] as { refusal?: string } | undefined)?.refusal ?? 'SURVIVOR_REFUSED');
      }
      throw refused(`the surviving project ${survivorId} could not be reached; nothing was merged`, 'SURVIVOR_UNREACHABLE');
    } finally {
      applying = null;
    }
  }

  /** The evaluation child starts before UNDER_EVALUATION is committed; if it cannot, delivery goes on. */
  async function startEvaluationChild(evaluator: string, panel: readonly string[]) {
    applying = 'startEvaluation';
    const workflowId = `${input.projectId}/evaluation`;
    try {
      await startChild(projectEvaluation, {
        workflowId,
        // The child outlives a continue-as-new of its project; the project cancels it if it ends first.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        // A lone evaluator's child gets the input it always got; a panel's also names the other members.
        args: [{ projectId: input.projectId, evaluator, ...(panel.length ? { panel: [...panel] } : {}), reminder: timings.evaluationReminder, deadline: timings.evaluationDeadline }],
      });
      evaluationId = workflowId;
    } catch (err) {
      throw refused(`the evaluation could not be started (${err instanceof Error ? err.message : String(err)}); the project stays in delivery`, 'EVALUATION_NOT_STARTED');
    } finally {
      applying = null;
    }
  }

  async function tellEvaluationSubmitted() {
    const id = evaluationId;
    evaluationId = null;
    if (!id) return;
    try {
      await getExternalWorkflowHandle(id).signal(evaluationSubmittedSignal);
    } catch {
      // The child has already ended: there is nothing left to remind about.
    }
  }

  /**
   * At a person's pace (and when the project ends) Temporal's visibility learns the new search attributes at
   * once; within a burst they are upserted once it is over, by upsertSearchAttributesAfterBursts.
   */
  function searchAttributesChanged() {
    if (lastCommitInBurst && !isFinalStage(state.stage) && hasChange(SEARCH_ATTRIBUTES_AFTER_BURST)) searchAttributesStale = true;
    else upsertProjectSearchAttributes();
  }
  function upsertProjectSearchAttributes() {
    searchAttributesStale = false;
    upsertSearchAttributes(projectSearchAttributes(state.stage, state.stateCodes, state.needs));
  }
  /** One timer per quiet period, not one per event: it fires once no event has come for the backstop's delay. */
  async function upsertSearchAttributesAfterBursts() {
    for (;;) {
      await condition(() => searchAttributesStale);
      while (searchAttributesStale) {
        const due = (lastCommitMs ?? Date.now()) + backstopDelay;
        if (Date.now() >= due) upsertProjectSearchAttributes();
        else await condition(() => !searchAttributesStale, until(due), { summary: SEARCH_ATTRIBUTES_TIMER });
      }
    }
  }

  // Record the filing before any handler that reads state runs: updates buffered with the start run at setHandler.
  if (!carried) {
    commit({ kind: 'FILED', action: 'fileRequest', actor: input.filedBy, fromStage: null, toStage: 'SUBMITTED', summary: { needs: input.needs.length } });
  }
  // The starter of a first run set its search attributes (api/lifecycle.ts); a continued run upserts them.
  if (carried || !hasChange(SEARCH_ATTRIBUTES_AFTER_BURST)) upsertProjectSearchAttributes();

  setHandler(
    readModelCaughtUpUpdate,
    async ({ seq, callerProjects, projectedUpTo }) => {
      if (callerProjects === true) {
        projectedByCaller(projectedUpTo);
        return withEventsUpTo(Math.min(seq, lastSeq));
      }
      await readModelHolds(Math.min(seq, lastSeq));
      return snapshot();
    },
    { validator: ({ projectedUpTo }) => checkProjectedUpTo(projectedUpTo) },
  );

  /** The read model cannot hold an event the workflow has not committed: such a claim is refused. */
  function checkProjectedUpTo(upTo: unknown) {
    if (upTo === undefined) return;
    if (!Number.isSafeInteger(upTo) || (upTo as number) < 0 || (upTo as number) > lastSeq) {
      throw ApplicationFailure.create({ type: 'InvalidInput', message: 'projectedUpTo is not an event of this project', details: [{ field: 'projectedUpTo', message: `an event number from 0 to ${lastSeq}` }], nonRetryable: true });
    }
  }
  setHandler(snapshotQuery, snapshot);
  setHandler(stateQuery, () => state);
  setHandler(
    absorbMergedProjectUpdate,
    // Committed here, projected in order like every event; the merging project need not wait for our read model.
    async ({ fromProjectId, stateCodes, needs, by }) => {
      commit({ kind: 'ABSORBED', action: 'absorbMergedProject', actor: by, fromStage: state.stage, toStage: state.stage, summary: { fromProjectId, stateCodes, needs } });
      upsertProjectSearchAttributes();
      return snapshot();
    },
    {
      validator: ({ fromProjectId }) => {
        if (applying) throw refused(`${applying} is being applied to the surviving project; try again`, 'CONCURRENT_TRANSITION');
        if (fromProjectId === input.projectId) throw refused('a project cannot be merged into itself', 'PRECONDITION_FAILED');
        if (!ABSORBING_STAGES.includes(state.stage)) {
          throw refused(`a project absorbs a merge only when ${ABSORBING_STAGES.join(' or ')}; ${input.projectId} ${isFinalStage(state.stage) ? 'has ended' : 'is'} ${state.stage}`, 'WRONG_STAGE');
        }
      },
    },
  );
  setHandler(evaluationNoticeSignal, ({ kind, message }) => void notify(kind, 'evaluation', message));

  void watchDeadlines();
  void upsertSearchAttributesAfterBursts();

  /**
   * Whether the projection of the unprojected events may wait for their callers' writes: each was
   * committed for a caller that projects, nobody waits for the read model, and the project goes on.
   */
  const mayDeferProjection = () =>
    backstopDelay > 0 && !isFinalStage(state.stage) && readModelWaiters === 0 && unprojected.every((p) => callerProjectsSeqs.has(p.event.seq));

  const continueAsNewDue = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength >= maxHistoryEvents || info.historySize >= maxHistoryBytes;
  };

  // Project events one at a time, in order, so the read model never runs ahead of or behind itself.
  for (;;) {
    await condition(() => unprojected.length > 0 || isFinalStage(state.stage) || (continueAsNewDue() && allHandlersFinished()));
    // Every handler has answered (after its projection, or with its events for a caller that projects), so
    // nothing is cut short; unprojected events carry over. Runs before this release waited for the read
    // model to catch up first, which a steady stream of actions can put off without end.
    if (!isFinalStage(state.stage) && continueAsNewDue() && allHandlersFinished() && (unprojected.length === 0 || hasChange(CONTINUE_AS_NEW_WITH_UNPROJECTED))) {
      if (searchAttributesStale) upsertProjectSearchAttributes(); // the next run starts with them
      await continueAsNew<typeof projectLifecycle>({
        ...input,
        carried: {
          state: carriedProjectState(state), filedAt, lastSeq, projectedSeq, unprojected: [...unprojected],
          ...(callerProjectsSeqs.size > 0 ? { callerProjectsSeqs: [...callerProjectsSeqs] } : {}),
          evaluationId, timers, run,
        },
      });
    }
    const next = unprojected[0];
    if (!next) {
      if (isFinalStage(state.stage)) break;
      continue;
    }
    // The caller that projects has most likely written it already; its next Update's projectedUpTo will
    // say so and drop it. Wait for that (the timer is cancelled) rather than write it again, unless
    // someone waits for the read model, a later event must be projected at once, or the project ended.
    // The delay runs from the commit, so events queued behind one the caller never wrote do not wait again.
    const backstopDue = Date.parse(next.event.at) + backstopDelay;
    if (backstopDue > Date.now() && mayDeferProjection() && hasChange(DEFERRED_BACKSTOP)) {
      const perQuietPeriod = hasChange(BACKSTOP_PER_QUIET_PERIOD);
      // Before the quiet period, the caller's write of this event (its next projectedUpTo) cut the wait short.
      const written = () => (perQuietPeriod ? unprojected.length === 0 : unprojected[0] !== next);
      const cutShort = await condition(() => written() || !mayDeferProjection() || (continueAsNewDue() && allHandlersFinished()), until(backstopDue));
      if (cutShort) continue;
      // The caller wrote it meanwhile: the oldest event still waiting gets what is left of its own delay.
      if (perQuietPeriod && unprojected[0] !== next) continue;
      // Nobody wrote it within the delay (the caller crashed, or its write failed unnoticed): the activity does.
    }
    try {
      await projectEvent(next);
    } catch (err) {
      const reason = projectionRejection(err);
      if (reason === null) throw err;
      // Retrying would fail the same way: tell the manager, and let the caller and later events go on.
      if (next.event.action !== 'PROJECTION_FAILED') {
        notify('ESCALATION', 'PROJECTION_FAILED', `event ${next.event.seq} (${next.event.action}) is not in the read model: ${reason}`);
      }
    }
    // A caller may have written it (and later ones) meanwhile: projectedSeq only moves forward.
    if (projectedSeq < next.event.seq) projectedSeq = next.event.seq;
    dropProjected();
  }
  await condition(allHandlersFinished);
  if (evaluationId) {
    // The project ended before its evaluation did (cancelled): stop the reminders.
    await getExternalWorkflowHandle(evaluationId).cancel().catch(() => undefined);
  }

  /** Durable reminders and escalations for each waiting stage; they live as long as the stage. */
  async function watchDeadlines(): Promise<void> {
    for (;;) {
      if (isFinalStage(state.stage)) return;
      const key = timerKey(state.stage);
      if (key === 'information') await watchInformationRequest();
      else if (key === 'funding') await watchFunding();
      else if (key === 'progress') await watchProgressReports();
      const current = key ? timers[key] : undefined;
      if (key && current === undefined && timerKey(state.stage) === key) continue; // left and entered again: start afresh
      await condition(() => timerKey(state.stage) !== key || isFinalStage(state.stage) || (key !== null && timers[key] !== current));
    }
  }

  async function watchInformationRequest() {
    const now = Date.now();
    const t = (timers.information ??= {
      remindAt: now + msToNumber(timings.informationReminder),
      deadlineAt: now + Math.max(msToNumber(timings.informationDeadline), msToNumber(timings.informationReminder)),
      reminded: false,
      escalated: false,
    });
    const left = () => state.stage !== 'AWAITING_INFORMATION' || timers.information !== t;
    if (!t.reminded) {
      if (await condition(left, until(t.remindAt))) return;
      notify('REMINDER', 'informationRequest', `the State has not yet answered: ${state.informationRequests.at(-1)?.question ?? ''}`);
      t.reminded = true;
    }
    if (!t.escalated) {
      if (await condition(left, until(t.deadlineAt))) return;
      notify('ESCALATION', 'informationRequest', 'the information request lapsed without an answer; the programme manager decides');
      t.escalated = true;
    }
  }

  async function watchFunding() {
    const reminder = msToNumber(timings.fundingReminder);
    const escalation = msToNumber(timings.fundingEscalation);
    const now = Date.now();
    const t = (timers.funding ??= { nextAt: now + Math.min(reminder, escalation), escalateAt: now + escalation, escalated: false });
    const left = () => state.stage !== 'AWAITING_FUNDING' || timers.funding !== t;
    for (;;) {
      if (await condition(left, until(t.nextAt))) return;
      if (!t.escalated && t.nextAt >= t.escalateAt) {
        t.escalated = true;
        notify('ESCALATION', 'funding', `the budget is still not covered after ${timings.fundingEscalation}`);
      } else {
        notify('REMINDER', 'funding', 'the budget is not yet covered by pledges');
      }
      t.nextAt = t.escalated ? t.nextAt + reminder : Math.min(t.nextAt + reminder, t.escalateAt);
    }
  }

  /** A progress report is due every interval of active delivery; time suspended does not count. */
  async function watchProgressReports() {
    const interval = msToNumber(timings.progressReportInterval);
    const t = (timers.progress ??= { dueAt: null, remainingMs: interval });
    const gone = () => timers.progress !== t;
    for (;;) {
      if (t.dueAt === null) {
        await condition(() => state.stage !== 'SUSPENDED' || gone());
        if (state.stage !== 'IN_DELIVERY' || gone()) return;
        t.dueAt = Date.now() + t.remainingMs;
      }
      const reports = state.progressReports.length;
      const changed = await condition(() => state.stage !== 'IN_DELIVERY' || state.progressReports.length > reports || gone(), until(t.dueAt));
      if (gone()) return;
      if (!changed) {
        notify('REMINDER', 'progressReport', 'a progress report is due');
        t.dueAt = Date.now() + interval;
      } else if (state.progressReports.length > reports) {
        t.dueAt = Date.now() + interval;
      } else {
        t.remainingMs = Math.max(1, t.dueAt - Date.now()); // paused: keep what was left
        t.dueAt = null;
        if (state.stage !== 'SUSPENDED') return;
      }
    }
  }
}

function timerKey(stage: Stage): keyof DeadlineTimers | null {
  if (stage === 'AWAITING_INFORMATION') return 'information';
  if (stage === 'AWAITING_FUNDING') return 'funding';
  if (stage === 'IN_DELIVERY' || stage === 'SUSPENDED') return 'progress';
  return null;
}

/** Milliseconds from now (workflow time) until `at`; at least 1, as a timer needs a duration. */
function until(at: number): number {
  return Math.max(1, at - Date.now());
}

function projectionRejection(err: unknown): string | null {
  const cause = err instanceof ActivityFailure ? err.cause : undefined;
  return cause instanceof ApplicationFailure && cause.type === PROJECTION_REJECTED ? cause.message : null;
}

/** JSON with sorted keys: two payloads are the same when their canonical forms are. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
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
