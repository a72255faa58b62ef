// Each lifecycle action: its payload schema, its precondition and its effect on the project state.
// Pure, so the workflow (validator + handler), the API and the tests share one definition.
import type { z } from 'zod';
import { normaliseAmount } from './money.js';
import {
  closeInput,
  consentToVisitInput,
  descopeInput,
  endorsePlanInput,
  mergeInput,
  noteInput,
  outcomeAssessmentInput,
  planInput,
  pledgeInput,
  progressReportInput,
  provideInformationInput,
  reasonInput,
  recordActivityInput,
  recordAssessmentInput,
  recordEnactmentInput,
  recordEvaluationVisitInput,
  requestInformationInput,
  startEvaluationInput,
} from './lifecycle-inputs.js';
import {
  budgetMayBeDescoped,
  deliveryMayEnd,
  deliveryMayStart,
  mergeMayHappen,
  outcomeAssessmentMayBeSubmitted,
  outcomeMayBeAssessedBy,
  planMayBeEndorsed,
  planMayBeSet,
  planningMayEnd,
  pledgeMayBeMade,
  recommendationsMayBeAdopted,
  visitMayHappen,
  type Precondition,
} from './lifecycle-rules.js';
import { earmarkRefusal } from './earmark.js';
import type { ProjectState, Recorded } from './project-state.js';
import type { Actor } from './roles.js';
import type { TransitionName } from './transitions.js';

export interface ActionSpec<S extends z.ZodType> {
  input: S;
  /**
   * The part of the precondition that does not depend on the payload: whether the action can be taken
   * now at all. The workflow's validator checks it before `precondition`, and Project.availableActions
   * answers from it (domain/lifecycle/available-actions.ts), so the two cannot drift.
   */
  ready?: (state: ProjectState, actor: Actor) => Precondition;
  precondition?: (state: ProjectState, payload: z.output<S>, actor: Actor) => Precondition;
  /** Mutates a copy of the state; the stage change itself is applied by the caller. */
  apply?: (state: ProjectState, payload: z.output<S>, recorded: Recorded, actor: Actor) => void;
}

const spec = <S extends z.ZodType>(s: ActionSpec<S>) => s;

const noteReason = (action: string) => (state: ProjectState, p: { reason: string }, r: Recorded) => {
  state.reasons.push({ action, reason: p.reason, at: r.at });
};

export const ACTIONS = {
  startAssessment: spec({ input: noteInput }),
  recordAssessment: spec({ input: recordAssessmentInput, apply: (s, p, r) => void s.assessments.push({ ...p, ...r }) }),
  requestInformation: spec({ input: requestInformationInput, apply: (s, p, r) => void s.informationRequests.push({ question: p.question, ...r }) }),
  provideInformation: spec({
    input: provideInformationInput,
    apply: (s, p, r, actor) => {
      const open = s.informationRequests.at(-1);
      // The answering State is kept, so in a regional project only that State's focal point reads the answer.
      if (open) Object.assign(open, { answer: p.answer, answeredAt: r.at, ...(actor.stateCode ? { answeredByState: actor.stateCode } : {}) });
    },
  }),
  decline: spec({ input: reasonInput, apply: noteReason('decline') }),
  merge: spec({
    input: mergeInput,
    precondition: (s, p) => mergeMayHappen(s, p.intoProjectId),
    apply: (s, p, r) => {
      s.mergedInto = p.intoProjectId;
      s.reasons.push({ action: 'merge', reason: p.reason, at: r.at });
    },
  }),
  startPlanning: spec({ input: noteInput }),
  setPlan: spec({
    input: planInput,
    precondition: (s, p) => planMayBeSet(s, p),
    apply: (s, p, r) => {
      s.plan = { ...p, ...r };
      s.budget = { amount: normaliseAmount(p.budget.amount, p.budget.currency), currency: p.budget.currency };
      s.endorsements = {}; // a changed plan must be endorsed again (R1)
    },
  }),
  endorsePlan: spec({
    input: endorsePlanInput,
    ready: (s, actor) => planMayBeEndorsed(s, actor.stateCode),
    // Each focal point endorses its own State's part (R1).
    apply: (s, p, r, actor) => {
      if (actor.stateCode) s.endorsements[actor.stateCode] = { ...r, ...(p.comment ? { comment: p.comment } : {}) };
    },
  }),
  seekFunding: spec({ input: noteInput, ready: (s) => planningMayEnd(s) }),
  pledge: spec({
    input: pledgeInput,
    ready: (_s, actor) => (actor.role === 'DONOR' && !actor.organisation ? 'a donor pledges as its organisation; the token names none (claim org)' : null),
    precondition: (s, p) =>
      pledgeMayBeMade(s, p.currency) ??
      earmarkRefusal(p.earmarkPriorityArea, s.needs.map((n) => n.priorityArea)),
    // A donor pledges as itself: the pledge names its organisation, whatever the payload's donor says.
    apply: (s, p, r, actor) =>
      void s.pledges.push({ ...p, amount: normaliseAmount(p.amount, p.currency), ...(actor.role === 'DONOR' && actor.organisation ? { donor: actor.organisation } : {}), ...r }),
  }),
  descopeBudget: spec({
    input: descopeInput,
    ready: (s) => (s.budget ? null : 'the project has no budget'),
    precondition: (s, p) => budgetMayBeDescoped(s, p.amount),
    apply: (s, p, r) => {
      s.reasons.push({ action: 'descopeBudget', reason: `${s.budget!.amount} -> ${p.amount} ${s.budget!.currency}: ${p.reason}`, at: r.at });
      s.budget = { amount: normaliseAmount(p.amount, s.budget!.currency), currency: s.budget!.currency };
    },
  }),
  startDelivery: spec({ input: noteInput, ready: (s) => deliveryMayStart(s) }),
  recordActivity: spec({ input: recordActivityInput, apply: (s, p, r) => void s.activities.push({ ...p, ...r }) }),
  reportProgress: spec({ input: progressReportInput, apply: (s, p, r) => void s.progressReports.push({ ...p, ...r }) }),
  recordEnactment: spec({ input: recordEnactmentInput, apply: (s, p, r) => void (s.enactment = { ...p, ...r }) }),
  suspend: spec({ input: reasonInput, apply: noteReason('suspend') }),
  resume: spec({ input: noteInput }),
  startEvaluation: spec({
    input: startEvaluationInput,
    precondition: (s, p) => deliveryMayEnd(s, p.closeDeliveryReason),
    apply: (s, p, r) => {
      s.evaluator = p.evaluator;
      s.panel = p.panel ?? [];
      if (p.closeDeliveryReason) s.reasons.push({ action: 'startEvaluation', reason: p.closeDeliveryReason, at: r.at });
    },
  }),
  submitOutcomeAssessment: spec({
    input: outcomeAssessmentInput,
    ready: (s, actor) => outcomeMayBeAssessedBy(s, actor.subject),
    precondition: (s, p, actor) => outcomeAssessmentMayBeSubmitted(s, actor.subject, p),
    apply: (s, p, r) => void (s.outcomeAssessment = { ...p, ...r }),
  }),
  consentToVisit: spec({
    input: consentToVisitInput,
    // Each focal point consents for its own State (the transition's scope check makes it a beneficiary).
    apply: (s, p, r, actor) => {
      if (actor.stateCode) (s.visitConsents ??= {})[actor.stateCode] = { ...r, ...(p.note ? { note: p.note } : {}) };
    },
  }),
  recordEvaluationVisit: spec({
    input: recordEvaluationVisitInput,
    precondition: (s, p, actor) => visitMayHappen(s, p.state, actor),
    apply: (s, p, r) => void (s.evaluationVisits ??= []).push({ ...p, ...r }),
  }),
  close: spec({ input: closeInput, precondition: (s, p) => recommendationsMayBeAdopted(s, p.adoptRecommendations) }),
  cancel: spec({ input: reasonInput, apply: noteReason('cancel') }),
} satisfies Record<TransitionName, ActionSpec<z.ZodType>>;

export type ActionPayload<N extends TransitionName> = z.input<(typeof ACTIONS)[N]['input']>;
