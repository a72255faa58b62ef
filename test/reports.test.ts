// Portfolio reports over GraphQL and as CSV, on the real servers, and the R4 flag as a pure rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earmarkMismatch } from '../domain/funding.js';
import { caller, dacRatings, fileAs, must, rosterEvaluator, type Caller } from './support/actions.js';
import { freshKey, startStack, type Stack } from './support/stack.js';

describe('earmarkMismatch (R4)', () => {
  it('flags an area donors under-fund against the Conference\'s weight, and one they over-fund', () => {
    const flags = earmarkMismatch({ 'PA-A': 2, 'PA-B': 1, 'PA-C': 1, 'PA-D': 0.5, 'PA-E': 0.5 }, { 'PA-A': 10_000, 'PA-B': 50_000, 'PA-E': 40_000 });
    expect(flags.map((f) => [f.priorityArea, f.conferenceShare, f.earmarkShare, f.flag])).toEqual([
      ['PA-A', 0.4, 0.1, 'UNDERFUNDED_PRIORITY'],
      ['PA-B', 0.2, 0.5, 'DONOR_DRIVEN'],
      ['PA-C', 0.2, 0, 'UNDERFUNDED_PRIORITY'],
      ['PA-D', 0.1, 0, 'UNDERFUNDED_PRIORITY'],
      ['PA-E', 0.1, 0.4, 'DONOR_DRIVEN'],
    ]);
    expect(flags[0]!.explanation).toBe("PA-A has 40% of the Conference's weight but 10% of earmarked money");
    expect(earmarkMismatch({}, {}).every((f) => f.flag === null)).toBe(true);
  });
});

describe('portfolio reports', () => {
  let stack: Stack;
  let pm: Caller;
  beforeAll(async () => {
    stack = await startStack();
    pm = await caller(stack, { subject: 'pm-reports', role: 'PROGRAMME_MANAGER' });
  });
  afterAll(() => stack?.stop());

  it('report needs, the funding gap with the earmark flag, and outcomes, as GraphQL and CSV', async () => {
    const civ = await caller(stack, { subject: 'fp-CIV', role: 'STATE_FOCAL_POINT', stateCode: 'CIV' });
    // A West Africa Coast Initiative unit (004 paras 23-25): funded in part, then evaluated.
    const { id, needs } = await fileAs(stack, civ, {
      state: 'CIV', title: 'Transnational crime unit', idempotencyKey: freshKey('reports'),
      needs: [{ priorityArea: 'PA-B', priorityActivity: '(h)', instrument: 'UNTOC', formsOfAssistance: ['UNIT_SETUP'], urgency: 'HIGH', description: 'Transnational crime unit (004 para 25).' }],
    });
    await must(stack, pm, 'startAssessment', id);
    await must(stack, pm, 'startPlanning', id);
    await must(stack, pm, 'setPlan', id, {
      objectives: ['A transnational crime unit'], outputs: [],
      outcomes: [{ title: 'Cases investigated', indicators: [{ name: 'cases investigated', unit: 'cases', baseline: 0, target: 50 }] }],
      formsOfAssistance: ['UNIT_SETUP'], modality: 'NATIONAL', budget: { amount: '300000', currency: 'USD' },
    });
    await must(stack, civ, 'endorsePlan', id);
    await must(stack, pm, 'seekFunding', id);
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '100000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-B' });

    const { body } = await stack.gql(`{
      needsReport { __typename ... on QueryNeedsReportSuccess { data { priorityArea region stage needs oldestWaitingSince } } }
      fundingGapReport { __typename ... on FundingGapReport { byAreaActivity { priorityArea priorityActivity currency projects budget pledged gap } earmarkMismatch { priorityArea flag explanation } } }
    }`, {}, pm.token);
    expect(body.data.needsReport.data).toContainEqual(expect.objectContaining({ priorityArea: 'PA-B', region: 'WEST_AND_CENTRAL_AFRICA', stage: 'AWAITING_FUNDING' }));
    const cell = body.data.fundingGapReport.byAreaActivity.find((c: { priorityArea: string; priorityActivity: string }) => c.priorityArea === 'PA-B' && c.priorityActivity === '(h)');
    expect(Number(cell.budget)).toBeGreaterThanOrEqual(300000);
    expect(Number(cell.gap)).toBeGreaterThanOrEqual(200000);
    expect(cell.currency).toBe('USD');
    // The flag itself is a pure rule (tested above); here: every area is reported, and this pledge counts.
    const mismatch = body.data.fundingGapReport.earmarkMismatch as { priorityArea: string; flag: string | null; explanation: string }[];
    expect(mismatch.map((m) => m.priorityArea)).toEqual(['PA-A', 'PA-B', 'PA-C', 'PA-D', 'PA-E']);
    expect(mismatch.find((m) => m.priorityArea === 'PA-B')!.explanation).toMatch(/^PA-B/);
    expect(mismatch.find((m) => m.priorityArea === 'PA-C')!.flag).toBe('UNDERFUNDED_PRIORITY'); // no test earmarks PA-C

    await must(stack, pm, 'descopeBudget', id, { amount: '100000', reason: 'Unit set-up only' });
    await must(stack, pm, 'startDelivery', id);
    const evaluator = await rosterEvaluator(stack, 'Evaluator of the WACI unit');
    await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
    await must(stack, evaluator, 'submitOutcomeAssessment', id, {
      criteria: dacRatings(4), indicatorValues: [{ indicator: 'cases investigated', actual: 31 }],
      needVerdicts: [{ needId: needs[0]!.id, verdict: 'PARTLY_MET' }], narrative: 'The unit investigates; prosecutions lag.',
    });
    const outcomes = await stack.gql('{ outcomesReport { __typename ... on QueryOutcomesReportSuccess { data { projectId relevance impact needsMet needsPartlyMet needsUnmet } } } }', {}, pm.token);
    expect(outcomes.body.data.outcomesReport.data).toContainEqual({ projectId: id, relevance: 4, impact: 4, needsMet: 0, needsPartlyMet: 1, needsUnmet: 0 });

    const csv = await fetch(stack.apiUrl.replace('/graphql', '/reports/outcomes.csv'), { headers: { authorization: `Bearer ${pm.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('projectId,title,stage,relevance,coherence,effectiveness,efficiency,impact,sustainability,needsMet,needsPartlyMet,needsUnmet,outcomeTypes,enactedLaw,enactedOn,coProviders');
    expect(text).toContain(`${id},Transnational crime unit,REPRIORITISATION,4,4,4,4,4,4,0,1,0`);

    const asState = await fetch(stack.apiUrl.replace('/graphql', '/reports/needs.csv'), { headers: { authorization: `Bearer ${civ.token}` } });
    expect(asState.status).toBe(403);
    const anonymous = await fetch(stack.apiUrl.replace('/graphql', '/reports/needs.csv'));
    expect(anonymous.status).toBe(401);
  });
});
