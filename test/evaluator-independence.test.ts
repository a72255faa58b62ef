// The lifecycle refuses an evaluator from the roster who is not independent of the project.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { act, caller, fileAs, must, type Caller } from './support/actions.js';
import { gabonReportingRequest } from './support/requests.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-independence', role: 'PROGRAMME_MANAGER' });
});
afterAll(() => stack?.stop());

const NOMINATE = `mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { id } ... on Error { message } } }`;

async function rosterExpert(name: string, nationality: string) {
  const fra = await caller(stack, { subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' });
  const { body } = await stack.gql(NOMINATE, {
    input: { name: `${name} (invented)`, nationality, nominatingState: 'FRA', institution: 'Ministère de la Justice (invented unit)', profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [{ instrument: 'UNTOC', articles: ['32'] }], languages: [{ language: 'fr', level: 'C2' }] } },
  }, fra.token);
  const id = body.data.nominateExpert.id as string;
  await stack.gql('mutation { acceptNomination { __typename } }', {}, await stack.token({ subject: id, role: 'EXPERT' }));
  return id;
}

it('refuses an evaluator off the roster or a national of the beneficiary State, and accepts an independent one', async () => {
  const gab = await caller(stack, { subject: 'fp-GAB', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });
  const { id } = await fileAs(stack, gab, gabonReportingRequest());
  await must(stack, pm, 'startAssessment', id);
  await must(stack, pm, 'startPlanning', id);
  await must(stack, pm, 'setPlan', id, {
    objectives: ['Gabon completes the checklist'], outputs: [],
    outcomes: [{ title: 'Checklist completed', indicators: [{ name: 'checklists completed', unit: 'checklists', baseline: 0, target: 1 }] }],
    formsOfAssistance: ['REPORTING_SUPPORT'], modality: 'NATIONAL', budget: { amount: '10000', currency: 'USD' },
  });
  await must(stack, gab, 'endorsePlan', id);
  await must(stack, pm, 'seekFunding', id);
  await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '10000', currency: 'USD', kind: 'CASH' });
  await must(stack, pm, 'startDelivery', id);

  const offRoster = await act(stack, pm, 'startEvaluation', id, { evaluator: 'someone-off-the-roster' });
  expect(offRoster.issues).toEqual([{ field: 'input.evaluator', message: 'someone-off-the-roster is not an active expert on the roster; evaluators come from the roster' }]);

  const gabonese = await rosterExpert('Evaluator from Gabon', 'GAB');
  const refused = await act(stack, pm, 'startEvaluation', id, { evaluator: gabonese });
  expect(refused.__typename).toBe('ValidationError');
  expect(refused.issues).toEqual([{ field: 'input.evaluator', message: `${gabonese} is not independent: a national of GAB, a beneficiary State (NATIONAL_OF_BENEFICIARY)` }]);
  expect((await act(stack, pm, 'recordActivity', id, { title: 'Checklist session', formOfAssistance: 'REPORTING_SUPPORT', startDate: '2008-06-10', endDate: '2008-06-12', participants: 20 })).stage).toBe('IN_DELIVERY');

  const outsider = await rosterExpert('Evaluator from Portugal', 'PRT');
  expect(await must(stack, pm, 'startEvaluation', id, { evaluator: outsider })).toMatchObject({ stage: 'UNDER_EVALUATION', evaluator: outsider });
});
