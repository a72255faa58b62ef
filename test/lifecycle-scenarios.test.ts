// Whole projects walked through the lifecycle over GraphQL on the real servers, using the shared
// scenarios of domain.md section 8 with their States and figures.
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, caller, dacRatings, fileAs, must, readProject, rosterEvaluator, type Caller } from './support/actions.js';
import { freshKey, startStack, workflowBundle, type Stack } from './support/stack.js';

let stack: Stack;
let pm: Caller;
beforeAll(async () => {
  stack = await startStack();
  pm = await caller(stack, { subject: 'pm-vienna', role: 'PROGRAMME_MANAGER' });
});
afterAll(() => stack?.stop());

const focalPoint = (state: string) => caller(stack, { subject: `fp-${state}`, role: 'STATE_FOCAL_POINT', stateCode: state });

const indicator = (name: string, unit: string, baseline: number, target: number) => ({ name, unit, baseline, target });

describe('S13: request to the UN, multi-agency assessment, information loop (Honduras)', () => {
  it('goes UNDER_ASSESSMENT -> AWAITING_INFORMATION -> UNDER_ASSESSMENT -> PLANNING with missions and partners recorded', async () => {
    const hnd = await focalPoint('HND');
    const { id } = await fileAs(stack, hnd, {
      state: 'HND', title: 'Organized crime and impunity', idempotencyKey: freshKey('s13'),
      needs: [{ priorityArea: 'PA-B', priorityActivity: '(e)', instrument: 'UNTOC', formsOfAssistance: ['NEEDS_ASSESSMENT', 'ADVISORY_MISSION'], urgency: 'HIGH', description: 'Help against organized crime and impunity, asked of the UN in 2010 (004 para 12).' }],
    });
    await must(stack, pm, 'startAssessment', id);
    await must(stack, pm, 'recordAssessment', id, { type: 'EXPLORATORY_MISSION', startDate: '2011-12-11', endDate: '2011-12-14', partners: [], findings: 'Exploratory mission to Tegucigalpa (004 para 13).' });
    const asked = await must(stack, pm, 'requestInformation', id, { question: 'Which institutions will lead the response to organized crime?' });
    expect(asked.stage).toBe('AWAITING_INFORMATION');

    const otherState = await focalPoint('SLV');
    expect(await act(stack, otherState, 'provideInformation', id, { answer: 'not ours' })).toMatchObject({ __typename: 'NotFoundError' });
    const answered = await must(stack, hnd, 'provideInformation', id, { answer: 'The Public Ministry and the Supreme Court.' });
    expect(answered.stage).toBe('UNDER_ASSESSMENT');
    expect(answered.informationRequests).toEqual([{ question: 'Which institutions will lead the response to organized crime?', answer: 'The Public Ministry and the Supreme Court.' }]);

    await must(stack, pm, 'recordAssessment', id, { type: 'TECHNICAL_MISSION', startDate: '2012-05-01', endDate: '2012-05-05', partners: ['DPA', 'OHCHR', 'UNDP'], findings: 'Technical mission with DPA, OHCHR and UNDP (004 para 13).' });
    const planning = await must(stack, pm, 'startPlanning', id);
    expect(planning.stage).toBe('PLANNING');
    expect(planning.assessments.map((a: { type: string; partners: string[] }) => [a.type, a.partners])).toEqual([
      ['EXPLORATORY_MISSION', []],
      ['TECHNICAL_MISSION', ['DPA', 'OHCHR', 'UNDP']],
    ]);
    expect(planning.history.map((h: { fromStage: string; toStage: string }) => `${h.fromStage}->${h.toStage}`)).toEqual([
      'null->SUBMITTED', 'SUBMITTED->UNDER_ASSESSMENT', 'UNDER_ASSESSMENT->UNDER_ASSESSMENT', 'UNDER_ASSESSMENT->AWAITING_INFORMATION',
      'AWAITING_INFORMATION->UNDER_ASSESSMENT', 'UNDER_ASSESSMENT->UNDER_ASSESSMENT', 'UNDER_ASSESSMENT->PLANNING',
    ]);
  });

  it('refuses a mission whose end is before its start, naming the field', async () => {
    const hnd = await focalPoint('HND');
    const { id } = await fileAs(stack, hnd, { state: 'HND', title: 'Impunity', idempotencyKey: freshKey('s13b'), needs: [{ priorityArea: 'PA-B', priorityActivity: '(e)', instrument: 'UNTOC', formsOfAssistance: ['NEEDS_ASSESSMENT'], urgency: 'HIGH', description: 'Assessment.' }] });
    await must(stack, pm, 'startAssessment', id);
    const result = await act(stack, pm, 'recordAssessment', id, { type: 'EXPLORATORY_MISSION', startDate: '2011-12-14', endDate: '2011-12-11', findings: 'x', partners: ['NOT_A_PARTNER'] });
    expect(result.__typename).toBe('ValidationError');
    expect(result.issues).toEqual(expect.arrayContaining([
      { field: 'input.endDate', message: 'must not be before startDate' },
      { field: 'input.partners.0', message: 'unknown partner "NOT_A_PARTNER"' },
    ]));
    expect((await readProject(stack, pm, id)).assessments).toEqual([]);
  });
});

describe('S4: Firearms Protocol legislative review through to enactment (Bolivia)', () => {
  it('needs an assessment before a legislative plan, and stays in delivery until the law is enacted', async () => {
    const bol = await focalPoint('BOL');
    const { id, needs } = await fileAs(stack, bol, {
      state: 'BOL', title: 'Firearms law review', idempotencyKey: freshKey('s4'),
      needs: [{ priorityArea: 'PA-E', priorityActivity: '(e)', instrument: 'FA', article: '5', formsOfAssistance: ['LEG_REVIEW', 'LEG_DRAFTING'], urgency: 'MEDIUM', description: 'Review the firearms law: marking, record-keeping, transfer controls (004 para 52(d)).' }],
    });
    await must(stack, pm, 'startAssessment', id);
    await must(stack, pm, 'startPlanning', id);
    const plan = {
      objectives: ['A firearms law in line with the Firearms Protocol, enacted and in force'],
      outputs: [{ title: 'Draft law based on the Firearms Model Law (004 para 54)', indicators: [indicator('draft articles reviewed', 'articles', 0, 40)] }],
      outcomes: [{ title: 'Law enacted', indicators: [indicator('laws enacted', 'laws', 0, 1)] }],
      formsOfAssistance: ['LEG_REVIEW', 'LEG_DRAFTING'], modality: 'NATIONAL', budget: { amount: '120000', currency: 'USD' },
    };
    const early = await act(stack, pm, 'setPlan', id, plan);
    expect(early).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'PRECONDITION_FAILED' });
    expect(early.message).toMatch(/needs a recorded assessment first \(R9\)/);

    await must(stack, pm, 'recordAssessment', id, { type: 'DESK_REVIEW', startDate: '2008-03-01', endDate: '2008-03-20', findings: 'Review of the firearms law and procedures (000 para 67).' });
    await must(stack, pm, 'setPlan', id, plan);
    const unendorsed = await act(stack, pm, 'seekFunding', id);
    expect(unendorsed).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'PRECONDITION_FAILED' });
    expect(unendorsed.message).toMatch(/not endorsed by the focal point of BOL/);
    await must(stack, bol, 'endorsePlan', id, { comment: 'Endorsed by the Ministry of Government' });
    await must(stack, pm, 'seekFunding', id);

    const eu = await caller(stack, { subject: 'donor-eu', role: 'DONOR', organisation: 'European Union (004 para 52)' });
    const wrongCurrency = await act(stack, eu, 'pledge', id, { donor: 'European Union', amount: '120000', currency: 'EUR', kind: 'CASH' });
    expect(wrongCurrency).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'PRECONDITION_FAILED' }); // open for funding, so the donor sees it
    const wrongEarmark = await act(stack, eu, 'pledge', id, { donor: 'European Union', amount: '120000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-B' });
    expect(wrongEarmark).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'PRECONDITION_FAILED' });
    expect(wrongEarmark.message).toMatch(/the earmark PA-B does not fit this project, whose needs are in PA-E/);
    const pledged = await must(stack, pm, 'pledge', id, { donor: 'European Union (004 para 52)', amount: '120000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-E' });
    expect(pledged).toMatchObject({ pledgedAmount: '120000.00', fundingGap: '0.00' });
    await must(stack, pm, 'startDelivery', id);
    await must(stack, pm, 'recordActivity', id, { title: 'Drafting workshop on the firearms law', formOfAssistance: 'LEG_DRAFTING', startDate: '2012-03-05', endDate: '2012-03-07', participants: 18 });

    const evaluator = await rosterEvaluator(stack, 'Evaluator for Bolivia');
    const tooSoon = await act(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
    expect(tooSoon).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'PRECONDITION_FAILED' });
    expect(tooSoon.message).toMatch(/until enactment is recorded.*\(R10\)/);
    expect((await readProject(stack, pm, id)).stage).toBe('IN_DELIVERY');

    await must(stack, pm, 'recordEnactment', id, { law: 'Ley de control de armas de fuego', enactedOn: '2013-09-18' });
    const evaluating = await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });
    expect(evaluating).toMatchObject({ stage: 'UNDER_EVALUATION', iatiActivityStatus: 3, evaluator: evaluator.actor.subject });

    const assessed = await must(stack, evaluator, 'submitOutcomeAssessment', id, {
      criteria: dacRatings(5),
      indicatorValues: [{ indicator: 'draft articles reviewed', actual: 42 }, { indicator: 'laws enacted', actual: 1 }],
      needVerdicts: [{ needId: needs[0]!.id, verdict: 'MET' }],
      narrative: 'The law was enacted; ratification of the Firearms Protocol and implementation remain (R10).',
      coProviders: ['OAS'],
    });
    expect(assessed.stage).toBe('REPRIORITISATION');
    const closed = await must(stack, pm, 'close', id);
    expect(closed).toMatchObject({ stage: 'CLOSED', iatiActivityStatus: 4 });

    const history = await stack.client.workflow.getHandle(id).fetchHistory();
    await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history, id);
  });
});

describe('S3: one regional workshop answers several States\' needs', () => {
  it('merges five reporting requests into one project that each State endorses and the evaluator judges per need', async () => {
    const states = ['CMR', 'TCD', 'GAB', 'GIN', 'NER'];
    const callers = Object.fromEntries(await Promise.all(states.map(async (s) => [s, await focalPoint(s)] as const)));
    const projects: Record<string, string> = {};
    for (const state of states) {
      const { id } = await fileAs(stack, callers[state]!, {
        state, title: 'Help to meet reporting obligations', idempotencyKey: freshKey(`s3-${state}`),
        needs: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', article: '32', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: `${state}: help to complete the self-assessment checklist (000 fn 5).` }],
      });
      projects[state] = id;
      await must(stack, pm, 'startAssessment', id);
    }
    const survivor = projects.GAB!;
    for (const state of states.filter((s) => s !== 'GAB')) {
      const merged = await must(stack, pm, 'merge', projects[state]!, { intoProjectId: survivor, reason: 'One regional workshop for West and Central Africa, modelled on Dakar 10-12 June 2008 (000 fn 17)' });
      expect(merged).toMatchObject({ stage: 'MERGED', iatiActivityStatus: 5, mergedInto: survivor });
    }
    await expect.poll(async () => (await readProject(stack, pm, survivor)).states, { timeout: 10_000 }).toEqual(['CMR', 'GAB', 'GIN', 'NER', 'TCD']);
    const regional = await readProject(stack, pm, survivor);
    expect(regional.needs).toHaveLength(5);
    expect(regional.mergedFrom).toHaveLength(4);

    // Each State sees only its own need, and the merged project still points to the survivor.
    const chadView = await readProject(stack, callers.TCD!, survivor);
    expect(chadView.needs.map((n: { state: string }) => n.state)).toEqual(['TCD']);
    expect((await readProject(stack, callers.TCD!, projects.TCD!)).mergedInto).toBe(survivor);

    await must(stack, pm, 'startPlanning', survivor);
    await must(stack, pm, 'setPlan', survivor, {
      objectives: ['Five States complete the self-assessment checklist'],
      outputs: [{ title: 'Regional workshop with a reporting session', indicators: [indicator('officials trained', 'people', 0, 25)] }],
      outcomes: [{ title: 'Checklists completed', indicators: [indicator('checklists completed', 'States', 0, 5)] }],
      formsOfAssistance: ['WORKSHOP_REGIONAL', 'REPORTING_SUPPORT'], modality: 'REGIONAL', budget: { amount: '80000', currency: 'USD' },
    });
    for (const state of ['CMR', 'TCD', 'GAB', 'GIN']) await must(stack, callers[state]!, 'endorsePlan', survivor);
    const missingNiger = await act(stack, pm, 'seekFunding', survivor);
    expect(missingNiger.message).toMatch(/not endorsed by the focal point of NER/);
    const nigerView = await must(stack, callers.NER!, 'endorsePlan', survivor);
    expect(nigerView.endorsements.map((e: { state: string }) => e.state)).toEqual(['NER']);
    await must(stack, pm, 'seekFunding', survivor);
    await must(stack, pm, 'pledge', survivor, { donor: 'UN Development Account (000 para 54)', amount: '80000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-A' });
    await must(stack, pm, 'startDelivery', survivor);
    await must(stack, pm, 'recordActivity', survivor, { title: 'Regional workshop for central authorities with a reporting session', formOfAssistance: 'WORKSHOP_REGIONAL', startDate: '2008-06-10', endDate: '2008-06-12', participants: 20 });
    const evaluator = await rosterEvaluator(stack, 'Evaluator for West and Central Africa');
    await must(stack, pm, 'startEvaluation', survivor, { evaluator: evaluator.actor.subject });

    const needIds = Object.fromEntries(regional.needs.map((n: { id: string; state: string }) => [n.state, n.id]));
    const verdicts = states.map((s) => ({ needId: needIds[s], verdict: s === 'NER' ? 'UNMET' : 'MET' }));
    const missing = await act(stack, evaluator, 'submitOutcomeAssessment', survivor, {
      criteria: dacRatings(4), indicatorValues: [{ indicator: 'officials trained', actual: 20 }, { indicator: 'checklists completed', actual: 4 }],
      needVerdicts: verdicts.slice(0, 4), narrative: 'Four States completed the checklist; Niger did not attend.',
    });
    expect(missing.message).toMatch(/judge every need of the project/);
    const recommendation = { priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['TRAINING_NATIONAL'], urgency: 'HIGH', description: 'A national session on the checklist for Niger (follow-up, as in 000 para 44).' };
    const stranger = await act(stack, evaluator, 'submitOutcomeAssessment', survivor, {
      criteria: dacRatings(4), indicatorValues: [{ indicator: 'officials trained', actual: 20 }, { indicator: 'checklists completed', actual: 4 }],
      needVerdicts: verdicts, narrative: 'Four States completed the checklist; Niger did not attend.', recommendations: [{ ...recommendation, state: 'KEN' }],
    });
    expect(stranger.message).toBe('recommendations name States that are not beneficiaries: KEN');
    await must(stack, evaluator, 'submitOutcomeAssessment', survivor, {
      criteria: dacRatings(4), indicatorValues: [{ indicator: 'officials trained', actual: 20 }, { indicator: 'checklists completed', actual: 4 }],
      needVerdicts: verdicts, narrative: 'Four States completed the checklist; Niger did not attend.', recommendations: [{ ...recommendation, state: 'NER' }],
    });
    const rows = await stack.db.selectFrom('need_verdicts').select(['need_id', 'verdict']).where('project_id', '=', survivor).orderBy('need_id').execute();
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.need_id === needIds.NER)?.verdict).toBe('UNMET');
    await must(stack, pm, 'close', survivor, { adoptRecommendations: [0] });
    const followUp = await stack.db.selectFrom('needs').select(['state_code', 'source', 'project_id']).where('origin_project_id', '=', survivor).execute();
    expect(followUp).toEqual([{ state_code: 'NER', source: 'EVALUATION_FOLLOW_UP', project_id: null }]);
  });
});

describe('S11: evaluation with practice indicators, and re-prioritisation (Sierra Leone)', () => {
  it('accepts an outcome assessment only with figures and narrative, and turns a recommendation into a new need', async () => {
    const sle = await focalPoint('SLE');
    const { id, needs } = await fileAs(stack, sle, {
      state: 'SLE', title: 'Transnational crime unit', idempotencyKey: freshKey('s11'),
      needs: [{ priorityArea: 'PA-B', priorityActivity: '(h)', instrument: 'UNTOC', article: '27', formsOfAssistance: ['UNIT_SETUP', 'MENTORING'], urgency: 'HIGH', description: 'Set up a transnational crime unit under the West Africa Coast Initiative (004 para 25).' }],
    });
    await must(stack, pm, 'startAssessment', id);
    await must(stack, pm, 'startPlanning', id);
    await must(stack, pm, 'setPlan', id, {
      objectives: ['A functioning transnational crime unit'],
      outputs: [],
      outcomes: [{ title: 'Organized crime investigated and prosecuted', indicators: [indicator('cases investigated', 'cases', 0, 100), indicator('convictions', 'convictions', 0, 20), indicator('cannabis seized', 'kg', 0, 1000)] }],
      formsOfAssistance: ['UNIT_SETUP', 'MENTORING'], modality: 'NATIONAL', budget: { amount: '500000', currency: 'USD' },
    });
    await must(stack, sle, 'endorsePlan', id);
    await must(stack, pm, 'seekFunding', id);
    await must(stack, pm, 'pledge', id, { donor: 'Invented donor (demo)', amount: '500000', currency: 'USD', kind: 'CASH' });
    await must(stack, pm, 'startDelivery', id);
    const evaluator = await rosterEvaluator(stack, 'Evaluator for Sierra Leone');
    await must(stack, pm, 'startEvaluation', id, { evaluator: evaluator.actor.subject });

    const base = {
      criteria: dacRatings(5),
      needVerdicts: [{ needId: needs[0]!.id, verdict: 'PARTLY_MET' }],
      narrative: 'The unit works: 113 cases, 25 convictions, over 1,800 kg of cannabis seized in 2011; the INTERPOL I-24/7 extension is not yet done.',
      recommendations: [{ priorityArea: 'PA-C', priorityActivity: '(h)', instrument: 'UNTOC', article: '27', formsOfAssistance: ['EQUIPMENT'], urgency: 'HIGH', description: 'Extend INTERPOL I-24/7 to the transnational crime unit.' }],
    };
    const stranger = await caller(stack, { subject: 'evaluator-other', role: 'EVALUATOR' });
    expect(await act(stack, stranger, 'submitOutcomeAssessment', id, { ...base, indicatorValues: [] })).toMatchObject({ __typename: 'NotFoundError' });

    const noFigures = await act(stack, evaluator, 'submitOutcomeAssessment', id, { ...base, indicatorValues: [] });
    expect(noFigures.message).toMatch(/give the actual value of every indicator; missing: cases investigated, convictions, cannabis seized/);
    const noNarrative = await act(stack, evaluator, 'submitOutcomeAssessment', id, { ...base, narrative: ' ', indicatorValues: [{ indicator: 'cases investigated', actual: 113 }] });
    expect(noNarrative.issues).toContainEqual({ field: 'input.narrative', message: 'must not be empty' });
    const fiveCriteria = await act(stack, evaluator, 'submitOutcomeAssessment', id, { ...base, criteria: dacRatings(5).slice(1), indicatorValues: [] });
    expect(fiveCriteria.issues).toContainEqual({ field: 'input.criteria', message: 'rate each of the 6 DAC criteria once' });

    const notAssessed = dacRatings(5).map((c) => (c.criterion === 'IMPACT' ? { ...c, rating: null, rationale: 'Too early to judge impact one year on' } : c));
    const assessed = await must(stack, evaluator, 'submitOutcomeAssessment', id, {
      ...base, criteria: notAssessed,
      indicatorValues: [{ indicator: 'cases investigated', actual: 113 }, { indicator: 'convictions', actual: 25 }, { indicator: 'cannabis seized', actual: 1800 }],
    });
    expect(assessed.outcomeAssessment.criteria.find((c: { criterion: string }) => c.criterion === 'IMPACT').rating).toBeNull();
    expect(assessed.outcomeAssessment.indicatorValues).toEqual([{ indicator: 'cases investigated', actual: 113 }, { indicator: 'convictions', actual: 25 }, { indicator: 'cannabis seized', actual: 1800 }]);

    const badIndex = await act(stack, pm, 'close', id, { adoptRecommendations: [3] });
    expect(badIndex.message).toMatch(/has 1 recommendation\(s\); no index 3/);
    await must(stack, pm, 'close', id, { adoptRecommendations: [0] });
    const followUp = await stack.db.selectFrom('needs').selectAll().where('origin_project_id', '=', id).execute();
    expect(followUp).toEqual([expect.objectContaining({ source: 'EVALUATION_FOLLOW_UP', state_code: 'SLE', priority_area: 'PA-C', project_id: null, description: 'Extend INTERPOL I-24/7 to the transnational crime unit.' })]);
    const verdict = await stack.db.selectFrom('need_verdicts').select('verdict').where('need_id', '=', needs[0]!.id).executeTakeFirstOrThrow();
    expect(verdict.verdict).toBe('PARTLY_MET');
  });
});

describe('cancellation and visibility', () => {
  it('cancels from an open stage with a reason; the ended project refuses further actions', async () => {
    const ken = await focalPoint('KEN');
    const { id } = await fileAs(stack, ken, { state: 'KEN', title: 'Witness protection', idempotencyKey: freshKey('cancel'), needs: [{ priorityArea: 'PA-B', priorityActivity: '(g)', instrument: 'UNTOC', formsOfAssistance: ['MENTORING'], urgency: 'HIGH', description: 'Witness protection (001 para 26).' }] });
    await must(stack, pm, 'startAssessment', id);
    expect(await act(stack, pm, 'cancel', id, { reason: '  ' })).toMatchObject({ __typename: 'ValidationError', issues: [{ field: 'input.reason', message: 'must not be empty' }] });
    const cancelled = await must(stack, pm, 'cancel', id, { reason: 'The State withdrew the request' });
    expect(cancelled).toMatchObject({ stage: 'CANCELLED', iatiActivityStatus: 5, reasons: [{ action: 'cancel', reason: 'The State withdrew the request' }] });
    const after = await act(stack, pm, 'startPlanning', id);
    expect(after).toMatchObject({ __typename: 'TransitionRefusedError', refusal: 'WRONG_STAGE' });
    // The cancel was answered once its event was committed and written; the workflow ends right after.
    await stack.client.workflow.getHandle(id).result();
    expect((await stack.client.workflow.getHandle(id).describe()).status.name).toBe('COMPLETED');
  });

  it('lists projects through Temporal visibility by stage, State, region and priority area', async () => {
    const hnd = await focalPoint('HND');
    const { id } = await fileAs(stack, hnd, { state: 'HND', title: 'Impunity', idempotencyKey: freshKey('visibility'), needs: [{ priorityArea: 'PA-B', priorityActivity: '(e)', instrument: 'UNTOC', formsOfAssistance: ['NEEDS_ASSESSMENT'], urgency: 'HIGH', description: 'Assessment (004 para 12).' }] });
    await must(stack, pm, 'startAssessment', id);
    const query = `WorkflowId = '${id}' AND PalermoStage = 'UNDER_ASSESSMENT' AND PalermoStates = 'HND' AND PalermoRegions = 'CENTRAL_AMERICA' AND PalermoPriorityAreas = 'PA-B'`;
    await expect
      .poll(async () => {
        const ids: string[] = [];
        for await (const wf of stack.client.workflow.list({ query })) ids.push(wf.workflowId);
        return ids;
      }, { timeout: 15_000, interval: 500 })
      .toEqual([id]);
  });
});
