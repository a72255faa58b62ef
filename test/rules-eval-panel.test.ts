// Evaluation panels on the peer-review model (003 para 55) and a State's consent to visits, over the API
// on the real servers: the system proposes a balanced, independent panel with a reason per pick; the
// manager starts the evaluation with a lead and members; members see the project, a visit to a State is
// refused until its focal point consented; the lead submits the one assessment for the panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, caller, dacRatings, must, readProject, rosterEvaluator, type Caller } from './support/actions.js';
import { projectInDelivery } from './support/delivery.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-panel', role: 'PROGRAMME_MANAGER' });
});
afterAll(() => stack?.stop());

const PROPOSE = `query($id: ID!) { proposeEvaluationPanel(projectId: $id) { __typename
  ... on QueryProposeEvaluationPanelSuccess { data { lead members { expertId name nationality serves { state slot } reason } unfilled { state slot reason } } }
  ... on Error { code message } } }`;
const PANEL_FIELDS = `query($id: ID!) { project(id: $id) { __typename ... on Project { stage evaluator panel visitConsents { state note by } evaluationVisits { state startDate endDate purpose by } } ... on Error { code message } } }`;

const STATE_REGIONS: Record<string, string[]> = {
  SEN: ['AFRICA', 'WEST_AFRICA', 'WEST_AND_CENTRAL_AFRICA', 'NORTH_AND_WEST_AFRICA', 'FRANCOPHONE_AND_LUSOPHONE_AFRICA'],
};

describe('evaluation panels and consent to visits', () => {
  it('proposes a peer from the region and one from outside, starts a panel, refuses a visit until consent, and takes the lead\'s one assessment', async () => {
    // Witness protection in Senegal (invented project; the seeds' West African delivery, 004 para 25).
    const { id, needs, fp } = await projectInDelivery(stack, pm, 'SEN', 'Witness-protection mentoring (invented, panel test)');
    const regional = await rosterEvaluator(stack, 'Awa Kouassi, regional peer', 'CIV');
    const outside = await rosterEvaluator(stack, 'Inês Carvalho, outside peer', 'PRT');
    const national = await rosterEvaluator(stack, 'Moussa Ndiaye, Senegalese', 'SEN');

    const proposal = await stack.gql(PROPOSE, { id }, pm.token);
    const data = proposal.body.data.proposeEvaluationPanel.data as { lead: string; members: { expertId: string; nationality: string; serves: { state: string; slot: string }[]; reason: string }[]; unfilled: unknown[] };
    expect(data.unfilled).toEqual([]);
    expect(data.members.map((m) => m.serves)).toEqual([[{ state: 'SEN', slot: 'REGIONAL_PEER' }], [{ state: 'SEN', slot: 'OUTSIDE_PEER' }]]);
    expect(data.lead).toBe(data.members[0]!.expertId);
    expect(data.members.every((m) => m.nationality !== 'SEN')).toBe(true); // never a national of the reviewed State
    expect(new Set(data.members.map((m) => m.nationality)).size).toBe(2); // two peer countries
    expect(data.members[0]!.reason).toMatch(/^a peer from SEN's region: a national of [A-Z]{3}, independent of the project/);
    expect(data.members[1]!.reason).toMatch(/^a peer from outside SEN's region/);
    // The regional peer's country shares a region with Senegal; the outside peer's does not (code list regions).
    const regionsOf = async (code: string) => ((await stack.gql('{ codeLists { states { code regions } } }', {}, pm.token)).body.data.codeLists.states as { code: string; regions: string[] }[]).find((s) => s.code === code)!.regions;
    expect((await regionsOf(data.members[0]!.nationality)).some((r) => STATE_REGIONS.SEN!.includes(r))).toBe(true);
    expect((await regionsOf(data.members[1]!.nationality)).some((r) => STATE_REGIONS.SEN!.includes(r))).toBe(false);
    // Not for the State or the evaluators.
    expect((await stack.gql(PROPOSE, { id }, fp.token)).body.data.proposeEvaluationPanel.__typename).toBe('ForbiddenError');

    // A Senegalese member is refused by name, with the rule; the lead named twice is refused; nothing starts.
    const notIndependent = await act(stack, pm, 'startEvaluation', id, { evaluator: outside.actor.subject, panel: [national.actor.subject] });
    expect(notIndependent.__typename).toBe('ValidationError');
    expect(notIndependent.issues).toEqual([{ field: 'input.panel.0', message: `${national.actor.subject} is not independent: a national of SEN, a beneficiary State (NATIONAL_OF_BENEFICIARY)` }]);
    const twice = await act(stack, pm, 'startEvaluation', id, { evaluator: outside.actor.subject, panel: [outside.actor.subject] });
    expect(twice.issues).toEqual([{ field: 'input.panel', message: 'names the lead evaluator again; list only the other members' }]);
    expect((await readProject(stack, pm, id)).stage).toBe('IN_DELIVERY');

    await must(stack, pm, 'startEvaluation', id, { evaluator: outside.actor.subject, panel: [regional.actor.subject] });
    const asMember = await stack.gql(PANEL_FIELDS, { id }, regional.token);
    expect(asMember.body.data.project).toMatchObject({ __typename: 'Project', stage: 'UNDER_EVALUATION', evaluator: outside.actor.subject, panel: [outside.actor.subject, regional.actor.subject], visitConsents: [] });
    // An evaluator outside the panel does not reach the project.
    expect((await stack.gql(PANEL_FIELDS, { id }, national.token)).body.data.project.__typename).toBe('NotFoundError');

    // No visit before Senegal consents: refused with the rule named, nothing recorded.
    const visit = { state: 'SEN', startDate: '2026-12-01', endDate: '2026-12-03', purpose: 'Validate the findings with the witness-protection unit' };
    const early = await act(stack, regional, 'recordEvaluationVisit', id, visit);
    expect(early).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'PRECONDITION_FAILED' });
    expect(early.message).toBe("a visit to SEN needs SEN's consent first, recorded by its focal point (consentToVisit) (VISIT_BY_CONSENT, 003 para 55)");
    // Another State's focal point cannot consent for Senegal; the manager cannot either.
    const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
    expect((await act(stack, gab, 'consentToVisit', id, {})).__typename).toBe('NotFoundError');
    expect((await act(stack, pm, 'consentToVisit', id, {})).__typename).toBe('ForbiddenError');
    expect((await stack.gql(PANEL_FIELDS, { id }, pm.token)).body.data.project.evaluationVisits).toEqual([]);

    await must(stack, fp, 'consentToVisit', id, { note: 'Through the Ministry of Justice focal point' });
    const recorded = await act(stack, regional, 'recordEvaluationVisit', id, visit);
    expect(recorded.__typename).toBe('Project');
    const after = (await stack.gql(PANEL_FIELDS, { id }, pm.token)).body.data.project;
    expect(after.visitConsents).toEqual([{ state: 'SEN', note: 'Through the Ministry of Justice focal point', by: fp.actor.subject }]);
    expect(after.evaluationVisits).toEqual([{ ...visit, by: regional.actor.subject }]);
    // A visit to a State that is not a beneficiary is refused.
    expect((await act(stack, outside, 'recordEvaluationVisit', id, { ...visit, state: 'GAB' })).message).toBe('GAB is not a beneficiary of this project (SEN)');

    // One assessment for the panel, by its lead: a member is told who submits.
    const assessment = {
      criteria: dacRatings(5), indicatorValues: [{ indicator: 'witnesses admitted', actual: 24 }],
      needVerdicts: [{ needId: needs[0]!.id, verdict: 'PARTLY_MET' }], narrative: 'The unit admits witnesses; relocation is still slow (invented).',
    };
    const byMember = await act(stack, regional, 'submitOutcomeAssessment', id, assessment);
    expect(byMember.message).toBe(`the lead evaluator (${outside.actor.subject}) submits the outcome assessment for the panel`);
    expect((await must(stack, outside, 'submitOutcomeAssessment', id, assessment)).stage).toBe('REPRIORITISATION');
  });
});
