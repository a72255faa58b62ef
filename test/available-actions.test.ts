// Table tests of availableActions (domain/lifecycle/available-actions.ts): the refusals the actions
// themselves give, for a project, a need and an invitation.
import { describe, expect, it } from 'vitest';
import { accessOf } from '../domain/access/policy.js';
import { answerRefusal, awaitedCandidate } from '../domain/invitation-answer.js';
import {
  availableInvitationActions,
  availableNeedActions,
  availableProjectActions,
  PROJECT_ACTIONS,
  type Availability,
} from '../domain/lifecycle/available-actions.js';
import type { PlanInput } from '../domain/lifecycle-inputs.js';
import type { PoolNeedState } from '../domain/pool-rules.js';
import { newProjectState, type ProjectState } from '../domain/project-state.js';
import { ROLES, type Actor } from '../domain/roles.js';
import { TRANSITIONS } from '../domain/transitions.js';

const at = { by: 'pm', at: '2012-01-01T00:00:00.000Z' };
const manager: Actor = { subject: 'pm', role: 'PROGRAMME_MANAGER' };
const gabon: Actor = { subject: 'fp-gab', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' };
const kenya: Actor = { subject: 'fp-ken', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' };
const donor: Actor = { subject: 'eu', role: 'DONOR', organisation: 'European Union' };
const evaluator: Actor = { subject: 'ev-1', role: 'EVALUATOR' };
const plan = (over: Partial<PlanInput> = {}): PlanInput & typeof at => ({
  objectives: ['o'], outputs: [],
  outcomes: [{ title: 'Checklists completed', indicators: [{ name: 'checklists completed', unit: 'States', baseline: 0, target: 5 }] }],
  formsOfAssistance: ['WORKSHOP_REGIONAL'], modality: 'NATIONAL', budget: { amount: '80000', currency: 'USD' }, ...over, ...at,
});
function project(over: Partial<ProjectState> = {}): ProjectState {
  const need = { id: 'n1', stateCode: 'GAB', source: 'FORMAL_REQUEST', priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM' as const, description: 'x' };
  return { ...newProjectState({ projectId: 'p', title: 't', stateCode: 'GAB', needs: [need] }), ...over };
}
const one = <A extends string>(list: Availability<A>[], action: A) => list.find((a) => a.action === action)!;

describe('availableProjectActions', () => {
  it('lists every lifecycle action once, in the transition table', () => {
    const list = availableProjectActions(manager, project());
    expect(list.map((a) => a.action)).toEqual([...PROJECT_ACTIONS]);
    expect([...PROJECT_ACTIONS].sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });

  it.each<[string, Actor, Partial<ProjectState>, (typeof PROJECT_ACTIONS)[number], Availability<string>]>([
    ['the manager starts the assessment of a submitted request', manager, {}, 'startAssessment', { action: 'startAssessment', allowed: true }],
    ['a focal point may not', gabon, {}, 'startAssessment', { action: 'startAssessment', allowed: false, refusal: 'ROLE_NOT_ALLOWED', reason: 'startAssessment is for PROGRAMME_MANAGER; the caller is STATE_FOCAL_POINT' }],
    ['planning starts only under assessment', manager, {}, 'startPlanning', { action: 'startPlanning', allowed: false, refusal: 'WRONG_STAGE', reason: 'startPlanning needs stage UNDER_ASSESSMENT; the project is SUBMITTED' }],
    ['another State answers nothing', kenya, { stage: 'AWAITING_INFORMATION' }, 'provideInformation', { action: 'provideInformation', allowed: false, refusal: 'OUT_OF_SCOPE', reason: 'the focal point of KEN is not a beneficiary of this project (GAB)' }],
    ['R1: no seeking funds without a plan', manager, { stage: 'PLANNING' }, 'seekFunding', { action: 'seekFunding', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'no plan has been set' }],
    ['R1: nor before the beneficiary endorsed it', manager, { stage: 'PLANNING', plan: plan() }, 'seekFunding', { action: 'seekFunding', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'the plan is not endorsed by the focal point of GAB (R1)' }],
    ['R1: nor with an outcome without an indicator', manager, { stage: 'PLANNING', plan: plan({ outcomes: [{ title: 'Laws', indicators: [] }] }), endorsements: { GAB: at } }, 'seekFunding', { action: 'seekFunding', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'every outcome needs an indicator with baseline and target; missing for: Laws' }],
    ['R1 met: funding may be sought', manager, { stage: 'PLANNING', plan: plan(), endorsements: { GAB: at } }, 'seekFunding', { action: 'seekFunding', allowed: true }],
    ['nothing to endorse without a plan', gabon, { stage: 'PLANNING' }, 'endorsePlan', { action: 'endorsePlan', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'there is no plan to endorse yet' }],
    ['a plan is endorsed once per State', gabon, { stage: 'PLANNING', plan: plan(), endorsements: { GAB: at } }, 'endorsePlan', { action: 'endorsePlan', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'GAB has endorsed this plan already; a new plan asks for a new endorsement' }],
    ['the plan endorsed by its State', gabon, { stage: 'PLANNING', plan: plan() }, 'endorsePlan', { action: 'endorsePlan', allowed: true }],
    ['delivery waits for the budget to be covered', manager, { stage: 'AWAITING_FUNDING', plan: plan(), budget: { amount: '80000', currency: 'USD' } }, 'startDelivery', { action: 'startDelivery', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'the budget is not covered: 80000.00 USD still to pledge (or descope the budget)' }],
    ['covered, delivery starts', manager, { stage: 'AWAITING_FUNDING', plan: plan(), budget: { amount: '80000', currency: 'USD' }, pledges: [{ donor: 'EU', amount: '80000', currency: 'USD', kind: 'CASH', ...at }] }, 'startDelivery', { action: 'startDelivery', allowed: true }],
    ['a donor pledges while funds are sought', donor, { stage: 'AWAITING_FUNDING', budget: { amount: '1', currency: 'USD' } }, 'pledge', { action: 'pledge', allowed: true }],
    ['a donor token without its organisation cannot', { subject: 'x', role: 'DONOR' }, { stage: 'AWAITING_FUNDING' }, 'pledge', { action: 'pledge', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'a donor pledges as its organisation; the token names none (claim org)' }],
    ['only the assigned evaluator submits', evaluator, { stage: 'UNDER_EVALUATION', evaluator: 'ev-2' }, 'submitOutcomeAssessment', { action: 'submitOutcomeAssessment', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'only the assigned evaluator (ev-2) may submit the outcome assessment' }],
    ['the assigned one does', evaluator, { stage: 'UNDER_EVALUATION', evaluator: 'ev-1' }, 'submitOutcomeAssessment', { action: 'submitOutcomeAssessment', allowed: true }],
    ['an ended project says so', manager, { stage: 'CLOSED' }, 'cancel', { action: 'cancel', allowed: false, refusal: 'WRONG_STAGE', reason: expect.stringContaining('the project has ended CLOSED') as unknown as string }],
  ])('%s', (_name, actor, over, action, expected) => {
    expect(one(availableProjectActions(actor, project(over)), action)).toEqual(expected);
  });

  it('offers a role exactly the actions the access policy lets it call', () => {
    for (const role of ROLES) {
      const actor: Actor = { subject: 's', role, ...(role === 'STATE_FOCAL_POINT' ? { stateCode: 'GAB' } : {}), ...(role === 'DONOR' ? { organisation: 'EU' } : {}) };
      for (const a of availableProjectActions(actor, project())) {
        const byRole = !a.allowed && a.refusal === 'ROLE_NOT_ALLOWED';
        expect(byRole, `${role} ${a.action}`).toBe(accessOf(role, 'Mutation', a.action) === 'no');
      }
    }
  });
});

describe('availableNeedActions', () => {
  const pool: PoolNeedState = { id: 'n1', stateCode: 'GAB', source: 'FORMAL_REQUEST', confirmedAt: null, projectId: null, claimedFor: null, mergedInto: null };
  const presumed = { ...pool, source: 'PRESUMED_NON_REPORTING' };
  it.each<[string, Actor, typeof pool, string, Availability<string>]>([
    ['its focal point confirms a presumed need', gabon, presumed, 'confirmPresumedNeed', { action: 'confirmPresumedNeed', allowed: true }],
    ['once', gabon, { ...presumed, confirmedAt: '2026-01-01T00:00:00.000Z' }, 'confirmPresumedNeed', { action: 'confirmPresumedNeed', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'confirmed already (2026-01-01T00:00:00.000Z)' }],
    ['a State request needs no confirmation', gabon, pool, 'confirmPresumedNeed', { action: 'confirmPresumedNeed', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'only a presumed need is confirmed' }],
    ['another State does not confirm it', kenya, presumed, 'confirmPresumedNeed', { action: 'confirmPresumedNeed', allowed: false, refusal: 'OUT_OF_SCOPE', reason: "the focal point of KEN acts on its own State's needs; this one is GAB's" }],
    ['the manager does not either', manager, presumed, 'confirmPresumedNeed', { action: 'confirmPresumedNeed', allowed: false, refusal: 'ROLE_NOT_ALLOWED', reason: 'confirmPresumedNeed is for STATE_FOCAL_POINT; the caller is PROGRAMME_MANAGER' }],
    ['its focal point ranks it', gabon, pool, 'rankNeeds', { action: 'rankNeeds', allowed: true }],
    ['the manager groups a free need', manager, pool, 'groupNeedsIntoProject', { action: 'groupNeedsIntoProject', allowed: true }],
    ['not one in a project', manager, { ...pool, projectId: 'p-1' }, 'groupNeedsIntoProject', { action: 'groupNeedsIntoProject', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'already in project p-1' }],
    ['not a presumed need its State has not confirmed (R1)', manager, presumed, 'groupNeedsIntoProject', { action: 'groupNeedsIntoProject', allowed: false, refusal: 'PRECONDITION_FAILED', reason: "a presumed need awaits the confirmation of GAB's focal point (R1)" }],
    ['the manager merges a free need away as a duplicate', manager, pool, 'mergeNeeds', { action: 'mergeNeeds', allowed: true }],
    ['not one merged already', manager, { ...pool, mergedInto: 'n0' }, 'mergeNeeds', { action: 'mergeNeeds', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'n1 was merged into n0' }],
  ])('%s', (_name, actor, need, action, expected) => {
    expect(one(availableNeedActions(actor, need), action as never)).toEqual(expected);
  });
});

describe('availableInvitationActions and the answer rule', () => {
  const expert = (subject: string): Actor => ({ subject, role: 'EXPERT' });
  const waiting = { invitationId: 'inv', awaiting: 'ex-1', candidates: ['ex-1', 'ex-2'] };
  it.each<[string, Actor, typeof waiting, Availability<string>]>([
    ['the expert invited now answers', expert('ex-1'), waiting, { action: 'answerInvitation', allowed: true }],
    ['the next candidate waits its turn', expert('ex-2'), waiting, { action: 'answerInvitation', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'expert ex-2 is not the one invited now' }],
    ['a settled invitation takes no answer', expert('ex-1'), { ...waiting, awaiting: null as unknown as string }, { action: 'answerInvitation', allowed: false, refusal: 'WRONG_STAGE', reason: 'invitation inv awaits no answer now' }],
    ['an expert it does not name', expert('ex-9'), waiting, { action: 'answerInvitation', allowed: false, refusal: 'OUT_OF_SCOPE', reason: 'the invitation does not name ex-9' }],
    ['the manager does not answer for the expert', manager, waiting, { action: 'answerInvitation', allowed: false, refusal: 'ROLE_NOT_ALLOWED', reason: 'answerInvitation is for EXPERT; the caller is PROGRAMME_MANAGER' }],
  ])('%s', (_name, actor, invitation, expected) => {
    expect(availableInvitationActions(actor, invitation)).toEqual([expected]);
  });

  it('refuses a second answer before the first is recorded', () => {
    expect(answerRefusal({ invitationId: 'inv', awaiting: 'ex-1', answered: true }, 'ex-1')).toEqual({ kind: 'CLOSED', message: 'invitation inv awaits no answer now' });
  });

  it.each<[string, string, { kind: string; expert_id: string | null }[], string | null]>([
    ['invited', 'WAITING', [{ kind: 'INVITED', expert_id: 'ex-1' }], 'ex-1'],
    ['reminded', 'WAITING', [{ kind: 'INVITED', expert_id: 'ex-1' }, { kind: 'REMINDED', expert_id: 'ex-1' }], 'ex-1'],
    ['declined, before the next is invited', 'WAITING', [{ kind: 'INVITED', expert_id: 'ex-1' }, { kind: 'DECLINED', expert_id: 'ex-1' }], null],
    ['accepted', 'ACCEPTED', [{ kind: 'INVITED', expert_id: 'ex-1' }, { kind: 'ACCEPTED', expert_id: 'ex-1' }], null],
  ])('the read model awaits the candidate when %s', (_name, status, events, expected) => {
    expect(awaitedCandidate(status, events)).toBe(expected);
  });
});
