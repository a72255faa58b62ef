// "What may I do with this now?": for a caller, every action on a project, a need or an invitation, allowed
// or not and why not. Pure, and decided by the same rules the actions themselves apply: the transition table
// (decideTransition) and each action's `ready` precondition for projects, which the workflow's validator
// checks first; the pool rules for needs; the invitation workflow's answer rule for invitations. Which roles
// may call an operation at all is the access policy's row for the mutation (domain/access/policy.ts).
import { accessOf } from '../access/policy.js';
import { answerRefusal, type InvitationAnswerState } from '../invitation-answer.js';
import { groupingRefusals, mergeIssues, type PoolNeedState } from '../pool-rules.js';
import { ACTIONS } from '../project-actions.js';
import type { ProjectState } from '../project-state.js';
import { PRESUMED_SOURCE } from '../presumed-needs.js';
import type { Actor } from '../roles.js';
import { decideTransition, TRANSITIONS, type TransitionName, type TransitionRefusal } from '../transitions.js';

/** Every lifecycle action, in lifecycle order; each is the name of its mutation (and Temporal Update). */
export const PROJECT_ACTIONS = [
  'startAssessment', 'recordAssessment', 'requestInformation', 'provideInformation', 'decline', 'merge', 'startPlanning',
  'setPlan', 'endorsePlan', 'seekFunding', 'pledge', 'descopeBudget', 'startDelivery', 'recordActivity', 'reportProgress',
  'recordEnactment', 'suspend', 'resume', 'consentToVisit', 'startEvaluation', 'recordEvaluationVisit', 'submitOutcomeAssessment',
  'close', 'cancel',
] as const satisfies readonly TransitionName[];

/** Actions on one need, each the name of its mutation. */
export const NEED_ACTIONS = ['confirmPresumedNeed', 'rankNeeds', 'groupNeedsIntoProject', 'mergeNeeds'] as const;

/** Actions on one invitation, each the name of its mutation. */
export const INVITATION_ACTIONS = ['answerInvitation'] as const;

/** Why an action is not available: the codes a refused lifecycle mutation answers (TransitionRefusedError.refusal). */
export const ACTION_REFUSALS = ['ROLE_NOT_ALLOWED', 'OUT_OF_SCOPE', 'WRONG_STAGE', 'PRECONDITION_FAILED'] as const satisfies readonly TransitionRefusal[];

export type ProjectAction = (typeof PROJECT_ACTIONS)[number];
export type NeedAction = (typeof NEED_ACTIONS)[number];
export type InvitationAction = (typeof INVITATION_ACTIONS)[number];
export type ActionRefusal = (typeof ACTION_REFUSALS)[number];

// Every transition of the table is listed above, and nothing else (a compile-time check).
type Missing = Exclude<TransitionName, ProjectAction>;
const everyTransitionListed: Missing extends never ? true : Missing = true;
void everyTransitionListed;

export type Availability<A extends string> =
  | { action: A; allowed: true }
  | { action: A; allowed: false; refusal: ActionRefusal; reason: string };

const refused = <A extends string>(action: A, refusal: ActionRefusal, reason: string): Availability<A> => ({ action, allowed: false, refusal, reason });

/** The roles the access policy lets call `Mutation.<operation>`. */
function rolesOf(operation: string): string[] {
  return (['STATE_FOCAL_POINT', 'PROGRAMME_MANAGER', 'EVALUATOR', 'EXPERT', 'DONOR', 'CONFERENCE_ADMIN'] as const).filter((r) => accessOf(r, 'Mutation', operation) !== 'no');
}

function roleRefusal<A extends string>(action: A, actor: Actor): Availability<A> | null {
  const roles = rolesOf(action);
  return roles.includes(actor.role) ? null : refused(action, 'ROLE_NOT_ALLOWED', `${action} is for ${roles.join(' or ') || 'no one'}; the caller is ${actor.role}`);
}

/**
 * A project's actions for `actor`, in lifecycle order. An allowed action may still be refused for its
 * payload (a plan's R9, a pledge's currency or earmark, the evaluator's independence, ...): those rules
 * need the input and answer ValidationError or PRECONDITION_FAILED naming what to change.
 */
export function availableProjectActions(actor: Actor, state: ProjectState): Availability<ProjectAction>[] {
  return PROJECT_ACTIONS.map((action) => {
    const decision = decideTransition(action, actor, { stage: state.stage, stateCodes: state.stateCodes });
    if (!decision.allowed) return refused(action, decision.refusal as ActionRefusal, decision.reason);
    const blocked = (ACTIONS[action] as { ready?: (s: ProjectState, a: Actor) => string | null }).ready?.(state, actor);
    return blocked ? refused(action, 'PRECONDITION_FAILED', blocked) : { action, allowed: true };
  });
}

/** The stages in which a lifecycle action is possible (what a WRONG_STAGE refusal refers to). */
export function stagesOf(action: ProjectAction): readonly string[] {
  return TRANSITIONS[action].from;
}

/** A need as the pool holds it, with the project it is in. */
export type NeedActionState = PoolNeedState;

/** A need's actions for `actor`: confirm (R8), rank (R2), group into a project (S3, S8), merge away as a duplicate (R3). */
export function availableNeedActions(actor: Actor, need: NeedActionState): Availability<NeedAction>[] {
  return NEED_ACTIONS.map((action) => {
    const byRole = roleRefusal(action, actor);
    if (byRole) return byRole;
    // The focal point's operations are on its own State's needs (access policy `own`).
    if (actor.role === 'STATE_FOCAL_POINT' && actor.stateCode !== need.stateCode) {
      return refused(action, 'OUT_OF_SCOPE', `the focal point of ${actor.stateCode ?? 'no State'} acts on its own State's needs; this one is ${need.stateCode}'s`);
    }
    switch (action) {
      case 'confirmPresumedNeed':
        if (need.source !== PRESUMED_SOURCE) return refused(action, 'PRECONDITION_FAILED', 'only a presumed need is confirmed');
        if (need.confirmedAt) return refused(action, 'PRECONDITION_FAILED', `confirmed already (${need.confirmedAt})`);
        return { action, allowed: true };
      case 'rankNeeds':
        return { action, allowed: true };
      case 'groupNeedsIntoProject': {
        const [why] = groupingRefusals([need], '');
        if (!why) return { action, allowed: true };
        const reason =
          why.kind === 'IN_PROJECT' ? `already in project ${why.projectId}`
          : why.kind === 'MERGED' ? `was merged into ${why.mergedInto}`
          : `a presumed need awaits the confirmation of ${why.stateCode}'s focal point (R1)`;
        return refused(action, 'PRECONDITION_FAILED', reason);
      }
      case 'mergeNeeds': {
        // As a duplicate merged into another need of its State: the rule mergeNeeds applies to each duplicate.
        const survivor: PoolNeedState = { id: '', stateCode: need.stateCode, source: need.source, confirmedAt: null, projectId: null, claimedFor: null, mergedInto: null };
        const [issue] = mergeIssues(survivor, [need]);
        return issue ? refused(action, 'PRECONDITION_FAILED', issue.message) : { action, allowed: true };
      }
    }
  });
}

/** An invitation's actions for `actor`: only the expert invited now may answer, while it awaits an answer. */
export function availableInvitationActions(actor: Actor, invitation: InvitationAnswerState & { candidates: readonly string[] }): Availability<InvitationAction>[] {
  return INVITATION_ACTIONS.map((action) => {
    const byRole = roleRefusal(action, actor);
    if (byRole) return byRole;
    if (!invitation.candidates.includes(actor.subject)) return refused(action, 'OUT_OF_SCOPE', `the invitation does not name ${actor.subject}`);
    const why = answerRefusal(invitation, actor.subject);
    if (!why) return { action, allowed: true };
    return refused(action, why.kind === 'CLOSED' ? 'WRONG_STAGE' : 'PRECONDITION_FAILED', why.message);
  });
}
