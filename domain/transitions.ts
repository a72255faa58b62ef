// The lifecycle's transition table and the rule that decides whether one may happen.
// Pure: called by the workflow's update validators, by the API before it sends an update, and by tests.
import type { Actor, Role } from './roles.js';
import { isFinalStage, type Stage } from './stages.js';

export interface TransitionRule {
  from: readonly Stage[];
  /** The stage it leads to; null for an action that records something and keeps the stage. */
  to: Stage | null;
  roles: readonly Role[];
}

const PM: readonly Role[] = ['PROGRAMME_MANAGER'];
const OPEN_STAGES: readonly Stage[] = [
  'SUBMITTED', 'UNDER_ASSESSMENT', 'AWAITING_INFORMATION', 'PLANNING', 'AWAITING_FUNDING',
  'IN_DELIVERY', 'SUSPENDED', 'UNDER_EVALUATION', 'REPRIORITISATION',
];

/**
 * Every action on a project, by name: the lifecycle's transitions of DESIGN.md and the recordings
 * made within a stage. The name is also the Temporal Update's name and the GraphQL mutation's.
 */
export const TRANSITIONS = {
  startAssessment: { from: ['SUBMITTED'], to: 'UNDER_ASSESSMENT', roles: PM },
  recordAssessment: { from: ['UNDER_ASSESSMENT', 'AWAITING_INFORMATION', 'PLANNING'], to: null, roles: PM },
  requestInformation: { from: ['UNDER_ASSESSMENT'], to: 'AWAITING_INFORMATION', roles: PM },
  provideInformation: { from: ['AWAITING_INFORMATION'], to: 'UNDER_ASSESSMENT', roles: ['STATE_FOCAL_POINT'] },
  decline: { from: ['UNDER_ASSESSMENT'], to: 'DECLINED', roles: PM },
  merge: { from: ['UNDER_ASSESSMENT'], to: 'MERGED', roles: PM },
  startPlanning: { from: ['UNDER_ASSESSMENT'], to: 'PLANNING', roles: PM },
  setPlan: { from: ['PLANNING'], to: null, roles: PM },
  endorsePlan: { from: ['PLANNING'], to: null, roles: ['STATE_FOCAL_POINT'] },
  seekFunding: { from: ['PLANNING'], to: 'AWAITING_FUNDING', roles: PM },
  pledge: { from: ['AWAITING_FUNDING'], to: null, roles: ['DONOR', 'PROGRAMME_MANAGER'] },
  descopeBudget: { from: ['AWAITING_FUNDING'], to: null, roles: PM },
  startDelivery: { from: ['AWAITING_FUNDING'], to: 'IN_DELIVERY', roles: PM },
  recordActivity: { from: ['IN_DELIVERY'], to: null, roles: PM },
  reportProgress: { from: ['IN_DELIVERY'], to: null, roles: PM },
  recordEnactment: { from: ['IN_DELIVERY', 'SUSPENDED'], to: null, roles: PM },
  suspend: { from: ['IN_DELIVERY'], to: 'SUSPENDED', roles: PM },
  resume: { from: ['SUSPENDED'], to: 'IN_DELIVERY', roles: PM },
  startEvaluation: { from: ['IN_DELIVERY'], to: 'UNDER_EVALUATION', roles: PM },
  submitOutcomeAssessment: { from: ['UNDER_EVALUATION'], to: 'REPRIORITISATION', roles: ['EVALUATOR'] },
  consentToVisit: { from: OPEN_STAGES, to: null, roles: ['STATE_FOCAL_POINT'] },
  recordEvaluationVisit: { from: ['UNDER_EVALUATION'], to: null, roles: ['EVALUATOR', 'PROGRAMME_MANAGER'] },
  close: { from: ['REPRIORITISATION'], to: 'CLOSED', roles: PM },
  cancel: { from: OPEN_STAGES, to: 'CANCELLED', roles: PM },
} as const satisfies Record<string, TransitionRule>;

export type TransitionName = keyof typeof TRANSITIONS;

/**
 * Why an action was refused. The first four come from the transition table and the action's own rule; the
 * others from the workflow (a concurrent action, a merge's survivor, the evaluation child) and from the pool
 * and roster mutations. REFUSED is what the API answers when a refusal carries no known code.
 */
export const TRANSITION_REFUSALS = [
  'ROLE_NOT_ALLOWED',
  'OUT_OF_SCOPE',
  'WRONG_STAGE',
  'PRECONDITION_FAILED',
  'CONCURRENT_TRANSITION',
  'SURVIVOR_REFUSED',
  'SURVIVOR_UNREACHABLE',
  'EVALUATION_NOT_STARTED',
  'NEED_ALREADY_IN_PROJECT',
  'IDEMPOTENCY_KEY_REUSED',
  'WRONG_STATUS',
  'INVITATION_CLOSED',
  'REFUSED',
] as const;

export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

/** A refusal code read back from a workflow failure's details; anything unknown is REFUSED. */
export function asTransitionRefusal(code: unknown): TransitionRefusal {
  return (TRANSITION_REFUSALS as readonly unknown[]).includes(code) ? (code as TransitionRefusal) : 'REFUSED';
}

export type TransitionDecision =
  | { allowed: true; from: Stage; to: Stage }
  | { allowed: false; refusal: TransitionRefusal; reason: string };

export interface TransitionContext {
  stage: Stage;
  /** Beneficiary States of the project (ISO alpha-3). */
  stateCodes: readonly string[];
}

/** May `actor` apply `transition` to a project in `ctx`? Says why not, in words a caller can act on. */
export function decideTransition(transition: TransitionName, actor: Actor, ctx: TransitionContext): TransitionDecision {
  const rule: TransitionRule = TRANSITIONS[transition];
  if (!rule.roles.includes(actor.role)) {
    return {
      allowed: false,
      refusal: 'ROLE_NOT_ALLOWED',
      reason: `${transition} is for ${rule.roles.join(' or ')}; the caller is ${actor.role}`,
    };
  }
  if (actor.role === 'STATE_FOCAL_POINT' && (!actor.stateCode || !ctx.stateCodes.includes(actor.stateCode))) {
    return {
      allowed: false,
      refusal: 'OUT_OF_SCOPE',
      reason: `the focal point of ${actor.stateCode ?? 'no State'} is not a beneficiary of this project (${ctx.stateCodes.join(', ')})`,
    };
  }
  if (!rule.from.includes(ctx.stage)) {
    const where = isFinalStage(ctx.stage) ? 'has ended' : 'is';
    return {
      allowed: false,
      refusal: 'WRONG_STAGE',
      reason: `${transition} needs stage ${rule.from.join(' or ')}; the project ${where} ${ctx.stage}`,
    };
  }
  return { allowed: true, from: ctx.stage, to: rule.to ?? ctx.stage };
}
