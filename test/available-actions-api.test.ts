// availableActions over the API, on the real stack: a project walked through its whole lifecycle; at each
// stage, for every role that reaches it, every action availableActions refuses is then tried as a mutation,
// and the mutation refuses it the same way (ROLE_NOT_ALLOWED is the access policy's ForbiddenError; the
// others are TransitionRefusedError with the same refusal, and the same words for a precondition). Each step
// of the walk is taken by a role availableActions says may take it, and succeeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../domain/roles.js';
import type { TransitionName } from '../domain/transitions.js';
import { act, caller, dacRatings, fileAs, must, rosterEvaluator, type Caller } from './support/actions.js';
import { gabonReportingRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

interface Availability { action: TransitionName; allowed: boolean; refusal: string | null; reason: string | null; stages: string[] }

const AVAILABLE = /* GraphQL */ `
  query($id: ID!) { project(id: $id) { __typename ... on Project { stage availableActions { action allowed refusal reason stages } } } }`;

async function availableTo(who: Caller, id: string): Promise<{ stage: string; actions: Availability[] } | null> {
  const { body } = await stack.gql(AVAILABLE, { id }, who.token);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const p = body.data.project;
  return p.__typename === 'Project' ? { stage: p.stage, actions: p.availableActions } : null;
}

const PLAN = {
  objectives: ['Reports to the Conference on time'], outputs: [],
  outcomes: [{ title: 'Reports submitted', indicators: [{ name: 'reports submitted', unit: 'reports', baseline: 0, target: 2 }] }],
  formsOfAssistance: ['REPORTING_SUPPORT'], modality: 'NATIONAL', budget: { amount: '9000', currency: 'USD' },
};

describe('Project.availableActions', () => {
  it('says allowed exactly when the mutation then succeeds, and refused with the refusal the mutation answers', async () => {
    const pm = await caller(stack, { subject: 'pm-actions', role: 'PROGRAMME_MANAGER' });
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const ken = await caller(stack, { subject: 'fp-KEN', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
    const ca = await caller(stack, { subject: 'ca-actions', role: 'CONFERENCE_ADMIN' });
    const donorActor: Actor = { subject: 'donor-actions', role: 'DONOR', organisation: 'Invented Fund (actions test)' };
    const donor = await caller(stack, donorActor);
    const evaluator = await rosterEvaluator(stack, 'Evaluator for the actions walk');
    const roles = { pm, gab, ken, ca, donor, evaluator };

    const { id, needs } = await fileAs(stack, gab, gabonReportingRequest());
    // A merge needs a surviving project under assessment; this one stays there.
    const survivor = await fileAs(stack, gab, gabonReportingRequest());
    await must(stack, pm, 'startAssessment', survivor.id);

    const payloads: Record<TransitionName, Record<string, unknown>> = {
      startAssessment: {}, startPlanning: {}, seekFunding: {}, startDelivery: {}, resume: {}, endorsePlan: {}, close: {},
      recordAssessment: { type: 'DESK_REVIEW', startDate: '2012-01-02', endDate: '2012-01-05', findings: 'Reporting duties reviewed' },
      requestInformation: { question: 'Which ministry prepares the reports?' },
      provideInformation: { answer: 'The Ministry of Justice.' },
      decline: { reason: 'not within the mandate' },
      merge: { intoProjectId: survivor.id, reason: 'the same need' },
      setPlan: PLAN,
      pledge: { donor: donorActor.organisation, amount: '9000', currency: 'USD', kind: 'CASH' },
      descopeBudget: { amount: '100', reason: 'less is funded' },
      recordActivity: { title: 'Workshop', formOfAssistance: 'REPORTING_SUPPORT', startDate: '2012-03-05', endDate: '2012-03-06', participants: 12 },
      reportProgress: { period: '2012-Q1', narrative: 'On track' },
      recordEnactment: { law: 'A law', enactedOn: '2013-01-01' },
      suspend: { reason: 'elections' },
      startEvaluation: { evaluator: evaluator.actor.subject },
      consentToVisit: { note: 'The panel may visit Libreville.' },
      recordEvaluationVisit: { state: 'GAB', startDate: '2013-02-04', endDate: '2013-02-06', purpose: 'Interviews at the ministry' },
      submitOutcomeAssessment: {
        criteria: dacRatings(5), indicatorValues: [{ indicator: 'reports submitted', actual: 2 }],
        needVerdicts: [{ needId: needs[0]!.id, verdict: 'MET' }], narrative: 'Both reports were submitted on time.',
      },
      cancel: { reason: 'withdrawn' },
    };

    let checked = 0;
    /** Every role that reaches the project: each refused action, tried, is refused the same way. */
    async function checkStage(expectedStage: string) {
      for (const [label, who] of Object.entries(roles)) {
        const seen = await availableTo(who, id);
        if (!seen) continue;
        expect(seen.stage).toBe(expectedStage);
        for (const a of seen.actions) {
          expect(a.allowed, `${label} ${a.action}`).toBe(a.refusal === null);
          if (a.allowed) continue;
          const answer = await act(stack, who, a.action, id, payloads[a.action]);
          const what = `${label} ${a.action} at ${expectedStage}: ${JSON.stringify(answer)}`;
          if (a.refusal === 'ROLE_NOT_ALLOWED') {
            expect(answer.__typename, what).toBe('ForbiddenError');
          } else {
            expect(answer, what).toMatchObject({ __typename: 'TransitionRefusedError', refusal: a.refusal });
            if (a.refusal === 'PRECONDITION_FAILED') expect(answer.message, what).toBe(a.reason);
          }
          checked++;
        }
      }
      expect((await availableTo(ken, id)), 'another State does not reach the project').toBeNull();
    }

    /** A walk step: availableActions offers it to `who`, and the mutation succeeds. */
    async function step(who: Caller, action: TransitionName, stage: string) {
      await checkStage(stage);
      const offered = (await availableTo(who, id))!.actions.find((a) => a.action === action)!;
      expect(offered, `${action} offered to ${who.actor.role}`).toMatchObject({ allowed: true, refusal: null, reason: null });
      await must(stack, who, action, id, payloads[action]);
    }
    const reasonFor = async (who: Caller, action: TransitionName) => (await availableTo(who, id))!.actions.find((a) => a.action === action)!;

    await step(pm, 'startAssessment', 'SUBMITTED');
    await step(pm, 'requestInformation', 'UNDER_ASSESSMENT');
    await step(gab, 'provideInformation', 'AWAITING_INFORMATION');
    await step(pm, 'startPlanning', 'UNDER_ASSESSMENT');
    // R1: the web's "Seek funding" was enabled here; the API says why not, and the mutation agrees.
    expect(await reasonFor(pm, 'seekFunding')).toMatchObject({ allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'no plan has been set' });
    await step(pm, 'setPlan', 'PLANNING');
    expect(await reasonFor(pm, 'seekFunding')).toMatchObject({ allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'the plan is not endorsed by the focal point of GAB (R1)' });
    await step(gab, 'endorsePlan', 'PLANNING');
    expect(await reasonFor(gab, 'endorsePlan')).toMatchObject({ allowed: false, refusal: 'PRECONDITION_FAILED' });
    await step(pm, 'seekFunding', 'PLANNING');
    expect(await reasonFor(pm, 'startDelivery')).toMatchObject({ allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'the budget is not covered: 9000.00 USD still to pledge (or descope the budget)' });
    await step(donor, 'pledge', 'AWAITING_FUNDING');
    await step(pm, 'startDelivery', 'AWAITING_FUNDING');
    await step(pm, 'startEvaluation', 'IN_DELIVERY');
    await step(evaluator, 'submitOutcomeAssessment', 'UNDER_EVALUATION');
    await step(pm, 'close', 'REPRIORITISATION');
    await checkStage('CLOSED');
    const closed = (await availableTo(pm, id))!;
    // Ended: the manager's own actions say so; the others are not the manager's.
    expect(closed.actions.filter((a) => a.refusal !== 'ROLE_NOT_ALLOWED').every((a) => a.refusal === 'WRONG_STAGE')).toBe(true);
    // Every stage had refusals to try, for several roles.
    console.log(`availableActions: ${checked} refused (role, action, stage) cases tried as mutations, each refused the same way`);
    expect(checked).toBeGreaterThan(200);
  }, 600_000);
});

describe('Need.availableActions', () => {
  it('refuses confirming a State request and grouping a need already in a project, as the mutations do', async () => {
    const pm = await caller(stack, { subject: 'pm-needs', role: 'PROGRAMME_MANAGER' });
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const { id } = await fileAs(stack, gab, gabonReportingRequest());
    const NEEDS = 'query($id: ID!) { project(id: $id) { ... on Project { needs { id availableActions { action allowed refusal reason } } } } }';
    const fpNeed = (await stack.gql(NEEDS, { id }, gab.token)).body.data.project.needs[0];
    const byAction = (list: { action: string }[]) => Object.fromEntries(list.map((a) => [a.action, a]));
    expect(byAction(fpNeed.availableActions)).toEqual({
      confirmPresumedNeed: { action: 'confirmPresumedNeed', allowed: false, refusal: 'PRECONDITION_FAILED', reason: 'only a presumed need is confirmed' },
      rankNeeds: { action: 'rankNeeds', allowed: true, refusal: null, reason: null },
      groupNeedsIntoProject: { action: 'groupNeedsIntoProject', allowed: false, refusal: 'ROLE_NOT_ALLOWED', reason: 'groupNeedsIntoProject is for PROGRAMME_MANAGER; the caller is STATE_FOCAL_POINT' },
      mergeNeeds: { action: 'mergeNeeds', allowed: false, refusal: 'ROLE_NOT_ALLOWED', reason: 'mergeNeeds is for PROGRAMME_MANAGER; the caller is STATE_FOCAL_POINT' },
    });
    const confirm = await stack.gql('mutation($id: ID!) { confirmPresumedNeed(input: { needId: $id }) { __typename ... on ValidationError { issues { field message } } } }', { id: fpNeed.id }, gab.token);
    expect(confirm.body.data.confirmPresumedNeed).toEqual({ __typename: 'ValidationError', issues: [{ field: 'input.needId', message: 'only a presumed need is confirmed' }] });

    const pmNeed = (await stack.gql(NEEDS, { id }, pm.token)).body.data.project.needs[0];
    expect(byAction(pmNeed.availableActions).groupNeedsIntoProject).toEqual({ action: 'groupNeedsIntoProject', allowed: false, refusal: 'PRECONDITION_FAILED', reason: `already in project ${id}` });
    const group = await stack.gql(
      'mutation($ids: [ID!]!, $key: String!) { groupNeedsIntoProject(input: { needIds: $ids, title: "Again", idempotencyKey: $key }) { __typename ... on TransitionRefusedError { refusal message } } }',
      { ids: [pmNeed.id], key: `again-${Date.now()}` },
      pm.token,
    );
    expect(group.body.data.groupNeedsIntoProject).toMatchObject({ __typename: 'TransitionRefusedError', message: `${pmNeed.id}: already in project ${id}` });
  }, 120_000);
});

describe('Invitation.availableActions', () => {
  it('offers the answer to the expert invited now only, and the answer mutation agrees', async () => {
    const pm = await caller(stack, { subject: 'pm-invitations-actions', role: 'PROGRAMME_MANAGER' });
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    const needId = (await fileAs(stack, gab, gabonReportingRequest())).needs[0]!.id;
    const fra = await stack.token({ subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
    const expert = async (name: string) => {
      const { body } = await stack.gql('mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { ... on Expert { id } } }', {
        input: { name: `${name} (invented)`, nationality: 'FRA', nominatingState: 'FRA', institution: 'Ministère de la Justice (invented unit)', profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], languages: [{ language: 'fr', level: 'C1' }] } },
      }, fra);
      const id = body.data.nominateExpert.id as string;
      const who = await caller(stack, { subject: id, role: 'EXPERT' });
      await stack.gql('mutation { acceptNomination { __typename } }', {}, who.token);
      return who;
    };
    const [first, second] = [await expert('First for actions'), await expert('Second for actions')];
    const invited = await stack.gql('mutation($input: InviteExpertsInput!) { inviteExperts(input: $input) { __typename ... on Invitation { id } ... on Error { message } } }', {
      input: { needId, slot: 'reporting trainer', candidates: [first.actor.subject, second.actor.subject], reminderSeconds: 600, deadlineSeconds: 1200, idempotencyKey: `actions-${Date.now()}` },
    }, pm.token);
    const id = invited.body.data.inviteExperts.id as string;
    const actionsOf = async (who: Caller) => (await stack.gql('query($id: ID!) { invitation(id: $id) { ... on Invitation { availableActions { action allowed refusal reason } } } }', { id }, who.token)).body.data.invitation.availableActions;
    const answer = async (who: Caller) => (await stack.gql('mutation($id: ID!) { answerInvitation(input: { invitationId: $id, accept: true }) { __typename ... on Error { message } ... on TransitionRefusedError { refusal } } }', { id }, who.token)).body.data.answerInvitation;

    expect(await actionsOf(first)).toEqual([{ action: 'answerInvitation', allowed: true, refusal: null, reason: null }]);
    expect(await actionsOf(second)).toEqual([{ action: 'answerInvitation', allowed: false, refusal: 'PRECONDITION_FAILED', reason: `expert ${second.actor.subject} is not the one invited now` }]);
    // Not the one invited now: the workflow's same rule answers it as ForbiddenError, in the same words.
    expect(await answer(second)).toEqual({ __typename: 'ForbiddenError', message: `expert ${second.actor.subject} is not the one invited now` });
    expect(await actionsOf(pm)).toEqual([{ action: 'answerInvitation', allowed: false, refusal: 'ROLE_NOT_ALLOWED', reason: 'answerInvitation is for EXPERT; the caller is PROGRAMME_MANAGER' }]);
    expect((await answer(pm)).__typename).toBe('ForbiddenError');

    expect((await answer(first)).__typename).toBe('Invitation');
    // Settled: no one may answer any more, and the mutation says the invitation is closed.
    expect(await actionsOf(first)).toEqual([{ action: 'answerInvitation', allowed: false, refusal: 'WRONG_STAGE', reason: `invitation ${id} awaits no answer now` }]);
    expect(await answer(first)).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'INVITATION_CLOSED' });
  }, 120_000);
});
