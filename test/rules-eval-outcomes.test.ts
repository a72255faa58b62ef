// Outcome types per need in the outcome assessment (domain.md 5), counted in the outcomes report with the
// enactment (R10) and the co-providers, over the API on the real servers and in outcomes.csv.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, caller, dacRatings, must, rosterEvaluator, type Caller } from './support/actions.js';
import { projectInDelivery } from './support/delivery.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-outcomes', role: 'PROGRAMME_MANAGER' });
});
afterAll(() => stack?.stop());

const REPORT = `{ outcomesReport { __typename ... on QueryOutcomesReportSuccess { data { projectId needsMet needsPartlyMet needsUnmet outcomeTypes { outcomeType needs } enactedLaw enactedOn coProviders } } ... on Error { code message } } }`;

describe('outcome types per need', () => {
  it('the evaluator names what kind of outcome each need reached; the outcomes report counts them beside the enactment and the co-providers', async () => {
    // Honduras: witness-protection law adopted with OAS support (001 para 26); the project and figures are invented.
    const { id, needs } = await projectInDelivery(stack, pm, 'HND', 'Witness protection: law and unit (invented, outcome types test)');
    await must(stack, pm, 'recordEnactment', id, { law: 'Ley de protección de testigos (invented)', enactedOn: '2026-06-30' });
    const evaluator = await rosterEvaluator(stack, 'Outcome types evaluator');
    await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
    const assessment = (verdicts: unknown[]) => ({
      criteria: dacRatings(4), indicatorValues: [{ indicator: 'witnesses admitted', actual: 31 }], needVerdicts: verdicts,
      narrative: 'The law is in force and the unit admits witnesses (invented).', coProviders: ['OAS', 'UNDP'],
    });

    // An unmet need reached no outcome: refused with the field, nothing recorded.
    const unmet = await act(stack, evaluator, 'submitOutcomeAssessment', id, assessment([{ needId: needs[0]!.id, verdict: 'UNMET', outcomeTypes: ['LAW_ADOPTED'] }]));
    expect(unmet).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'input.needVerdicts.0.outcomeTypes', message: 'a need judged UNMET reached no outcome; judge it PARTLY_MET or name none' }] });
    const twice = await act(stack, evaluator, 'submitOutcomeAssessment', id, assessment([{ needId: needs[0]!.id, verdict: 'MET', outcomeTypes: ['LAW_ADOPTED', 'LAW_ADOPTED'] }]));
    expect(twice.__typename).toBe('ValidationError');
    // An unknown kind is refused by the enum at the edge.
    const unknown = await stack.gql('mutation($input: SubmitOutcomeAssessmentInput!) { submitOutcomeAssessment(input: $input) { __typename } }', { input: { projectId: id, ...assessment([{ needId: needs[0]!.id, verdict: 'MET', outcomeTypes: ['WORLD_PEACE'] }]) } }, evaluator.token);
    expect(unknown.body.errors?.[0]?.message).toMatch(/WORLD_PEACE/);

    const done = await must(stack, evaluator, 'submitOutcomeAssessment', id, assessment([{ needId: needs[0]!.id, verdict: 'MET', outcomeTypes: ['LAW_ADOPTED', 'AUTHORITY_SET_UP', 'VICTIMS_ASSISTED'] }]));
    expect(done.stage).toBe('REPRIORITISATION');
    const read = await stack.gql('query($id: ID!) { project(id: $id) { ... on Project { outcomeAssessment { needVerdicts { needId verdict outcomeTypes } } } } }', { id }, pm.token);
    expect(read.body.data.project.outcomeAssessment.needVerdicts).toEqual([{ needId: needs[0]!.id, verdict: 'MET', outcomeTypes: ['LAW_ADOPTED', 'AUTHORITY_SET_UP', 'VICTIMS_ASSISTED'] }]);

    const expected = {
      projectId: id, needsMet: 1, needsPartlyMet: 0, needsUnmet: 0,
      // In the tuple's order (domain/outcome-types.ts), kinds no need reached left out.
      outcomeTypes: [{ outcomeType: 'LAW_ADOPTED', needs: 1 }, { outcomeType: 'AUTHORITY_SET_UP', needs: 1 }, { outcomeType: 'VICTIMS_ASSISTED', needs: 1 }],
      enactedLaw: 'Ley de protección de testigos (invented)', enactedOn: '2026-06-30', coProviders: ['OAS', 'UNDP'],
    };
    const report = await stack.gql(REPORT, {}, pm.token);
    expect(report.body.data.outcomesReport.data).toContainEqual(expected);
    // The donor that funded it reads the same row.
    const donor = await stack.donorToken('Invented donor (demo)');
    expect((await stack.gql(REPORT, {}, donor)).body.data.outcomesReport.data).toContainEqual(expected);

    const csv = await fetch(stack.apiUrl.replace('/graphql', '/reports/outcomes.csv'), { headers: { authorization: `Bearer ${pm.token}` } });
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.projectId === id)).toMatchObject({
      outcomeTypes: 'LAW_ADOPTED: 1; AUTHORITY_SET_UP: 1; VICTIMS_ASSISTED: 1', enactedLaw: 'Ley de protección de testigos (invented)', enactedOn: '2026-06-30', coProviders: 'OAS; UNDP',
    });
  });
});
