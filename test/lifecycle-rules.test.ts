// Table tests of the lifecycle's preconditions (domain.md 2.3) and of the action table.
import { describe, expect, it } from 'vitest';
import type { OutcomeAssessmentInput, PlanInput } from '../domain/lifecycle-inputs.js';
import { outcomeAssessmentInput, planInput, pledgeInput } from '../domain/lifecycle-inputs.js';
import {
  budgetMayBeDescoped,
  deliveryMayEnd,
  deliveryMayStart,
  fundingGap,
  LEGISLATIVE_FORMS,
  mergeMayHappen,
  outcomeAssessmentMayBeSubmitted,
  planMayBeSet,
  planningMayEnd,
  pledgeMayBeMade,
  recommendationsMayBeAdopted,
} from '../domain/lifecycle-rules.js';
import { ACTIONS } from '../domain/project-actions.js';
import { newProjectState, type ProjectState } from '../domain/project-state.js';
import { TRANSITIONS } from '../domain/transitions.js';

const at = { by: 'pm', at: '2012-01-01T00:00:00.000Z' };
const need = (id: string, stateCode: string, forms = ['REPORTING_SUPPORT']) => ({
  id, stateCode, source: 'FORMAL_REQUEST', priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: forms, urgency: 'MEDIUM' as const, description: 'x',
});
const plan = (over: Partial<PlanInput> = {}): PlanInput & typeof at => ({
  objectives: ['o'], outputs: [],
  outcomes: [{ title: 'Checklists completed', indicators: [{ name: 'checklists completed', unit: 'States', baseline: 0, target: 5 }] }],
  formsOfAssistance: ['WORKSHOP_REGIONAL'], modality: 'REGIONAL', budget: { amount: '80000', currency: 'USD' }, ...over, ...at,
});
function project(over: Partial<ProjectState> = {}): ProjectState {
  return { ...newProjectState({ projectId: 'p', title: 't', stateCode: 'GAB', needs: [need('n1', 'GAB')] }), ...over };
}

describe('the action table', () => {
  it('gives every transition a payload schema', () => {
    expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(TRANSITIONS).sort());
  });
  it('marks exactly the five legislative forms', () => {
    expect([...LEGISLATIVE_FORMS].sort()).toEqual(['LEG_DRAFTING', 'LEG_REVIEW', 'MODEL_LAW', 'PARLIAMENT_ADVICE', 'PRE_RATIFICATION']);
  });
});

describe('R9: legislative plans need a recorded assessment', () => {
  it.each([
    [['LEG_REVIEW'], [], 'legislative assistance (LEG_REVIEW) needs a recorded assessment first (R9)'],
    [['LEG_REVIEW', 'TRAINING_NATIONAL'], [{ type: 'DESK_REVIEW' as const, startDate: '2008-03-01', endDate: '2008-03-02', partners: [], findings: 'f', ...at }], null],
    [['TRAINING_NATIONAL'], [], null],
  ])('forms %j with %j assessments -> %s', (forms, assessments, expected) => {
    expect(planMayBeSet(project({ assessments }), plan({ formsOfAssistance: forms }))).toBe(expected);
  });
});

describe('R1 and measurable outcomes: leaving PLANNING', () => {
  const two = { stateCodes: ['CMR', 'GAB'], plan: plan() };
  it.each<[string, Partial<ProjectState>, string | null]>([
    ['no plan', {}, 'no plan has been set'],
    ['an outcome without indicator', { plan: plan({ outcomes: [{ title: 'Law enacted', indicators: [] }] }), endorsements: { GAB: at } }, 'every outcome needs an indicator with baseline and target; missing for: Law enacted'],
    ['one of two States endorsed', { ...two, endorsements: { GAB: at } }, 'the plan is not endorsed by the focal point of CMR (R1)'],
    ['both endorsed', { ...two, endorsements: { GAB: at, CMR: at } }, null],
  ])('%s', (_name, over, expected) => {
    expect(planningMayEnd(project(over))).toBe(expected);
  });
});

describe('funding', () => {
  const funded = (amounts: string[], budget = '100.00') => project({ budget: { amount: budget, currency: 'USD' }, pledges: amounts.map((amount) => ({ donor: 'd', amount, currency: 'USD', kind: 'CASH' as const, ...at })) });
  it.each<[string[], string, string | null]>([
    [[], '100.00', 'the budget is not covered: 100.00 USD still to pledge (or descope the budget)'],
    [['60'], '40.00', 'the budget is not covered: 40.00 USD still to pledge (or descope the budget)'],
    [['60', '40'], '0.00', null],
    [['150'], '0.00', null],
    [['99.99'], '0.01', 'the budget is not covered: 0.01 USD still to pledge (or descope the budget)'],
  ])('pledges %j leave a gap of %s', (amounts, gap, decision) => {
    expect(fundingGap(funded(amounts))).toBe(gap);
    expect(deliveryMayStart(funded(amounts))).toBe(decision);
  });
  it('wants pledges in the budget currency and a descope below the budget', () => {
    expect(pledgeMayBeMade(funded([]), 'EUR')).toBe('the budget is in USD; record the pledge in USD');
    expect(pledgeMayBeMade(funded([]), 'USD')).toBeNull();
    expect(budgetMayBeDescoped(funded([]), '100')).toBe('a descoped budget must be below the current 100.00 USD');
    expect(budgetMayBeDescoped(funded([]), '60')).toBeNull();
    expect(budgetMayBeDescoped(funded([]), '60.001')).toBe('USD has 2 decimals; 60.001 has more');
    expect(budgetMayBeDescoped(project(), '60')).toBe('the project has no budget');
  });
  it('compares exactly: 100000.01 + 50000.03 covers 150000.04 (a float sum leaves a gap of 2.9e-11)', () => {
    expect(fundingGap(funded(['100000.01', '50000.03'], '150000.04'))).toBe('0.00');
    expect(deliveryMayStart(funded(['100000.01', '50000.03'], '150000.04'))).toBeNull();
    expect(deliveryMayStart(funded(['100000.01', '50000.02'], '150000.04'))).toBe('the budget is not covered: 0.01 USD still to pledge (or descope the budget)');
  });
  it('refuses a pledge that is not a positive amount, naming the field', () => {
    const result = pledgeInput.safeParse({ donor: 'EU', amount: '-5', currency: 'usd', kind: 'GOLD' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['amount', 'must be more than 0'],
      ['currency', 'unknown currency "usd"; must be an ISO 4217 code such as USD or EUR'],
      ['kind', 'unknown pledge kind "GOLD"'],
    ]);
  });
});

describe('R10: legislation is not done at drafting', () => {
  const legislative = project({ plan: plan({ formsOfAssistance: ['LEG_DRAFTING'] }) });
  it.each<[string, ProjectState, string | undefined, string | null]>([
    ['legislative, not enacted', legislative, undefined, 'a legislative project stays in delivery until enactment is recorded, or give closeDeliveryReason (R10)'],
    ['legislative, closed with a reason', legislative, 'The bill was withdrawn after elections', null],
    ['legislative, enacted', { ...legislative, enactment: { law: 'l', enactedOn: '2013-01-01', ...at } }, undefined, null],
    ['not legislative', project({ plan: plan() }), undefined, null],
  ])('%s', (_name, state, reason, expected) => {
    expect(deliveryMayEnd(state, reason)).toBe(expected);
  });
});

describe('R11: an outcome assessment with figures and narrative', () => {
  const state = project({ plan: plan(), evaluator: 'ev', needs: [need('n1', 'GAB'), need('n2', 'CMR')] });
  const assessment = (over: Partial<OutcomeAssessmentInput> = {}): OutcomeAssessmentInput => ({
    criteria: [], narrative: 'n', coProviders: [], recommendations: [],
    indicatorValues: [{ indicator: 'checklists completed', actual: 4 }],
    needVerdicts: [{ needId: 'n1', verdict: 'MET' }, { needId: 'n2', verdict: 'UNMET' }],
    ...over,
  });
  it.each<[string, string, Partial<OutcomeAssessmentInput>, string | null]>([
    ['complete', 'ev', {}, null],
    ['by someone else', 'other', {}, 'only the assigned evaluator (ev) may submit the outcome assessment'],
    ['without figures', 'ev', { indicatorValues: [] }, 'give the actual value of every indicator; missing: checklists completed'],
    ['with an unknown indicator', 'ev', { indicatorValues: [{ indicator: 'arrests', actual: 3 }] }, 'indicatorValues name indicators the plan does not have: arrests'],
    ['with a need unjudged', 'ev', { needVerdicts: [{ needId: 'n1', verdict: 'MET' }] }, 'judge every need of the project (met, partly met, unmet); missing: n2'],
    ['judging a stranger need', 'ev', { needVerdicts: [{ needId: 'n1', verdict: 'MET' }, { needId: 'n2', verdict: 'MET' }, { needId: 'x', verdict: 'MET' }] }, 'needVerdicts name needs outside this project: x'],
  ])('%s', (_name, evaluator, over, expected) => {
    expect(outcomeAssessmentMayBeSubmitted(state, evaluator, assessment(over))).toBe(expected);
  });
  it('needs all six DAC criteria, each rated 1-6 or not assessed with a rationale', () => {
    const criteria = ['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'].map((criterion) => ({ criterion, rating: 4, rationale: 'r' }));
    const base = { indicatorValues: [], needVerdicts: [], narrative: 'n' };
    expect(outcomeAssessmentInput.safeParse({ ...base, criteria }).success).toBe(true);
    expect(outcomeAssessmentInput.parse({ ...base, criteria: criteria.map((c, i) => (i === 4 ? { criterion: c.criterion, rationale: 'too early' } : c)) }).criteria[4]!.rating).toBeNull();
    const bad = outcomeAssessmentInput.safeParse({ ...base, criteria: criteria.map((c, i) => (i === 0 ? { ...c, rating: 7 } : i === 1 ? { ...c, rationale: '' } : c)) });
    expect(bad.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['criteria.0.rating', 'must be 1-6'], ['criteria.1.rationale', 'must not be empty']]);
  });
});

describe('other preconditions', () => {
  it('refuses merging a project into itself and adopting a recommendation that does not exist', () => {
    expect(mergeMayHappen(project(), 'p')).toBe('a project cannot be merged into itself');
    expect(mergeMayHappen(project(), 'q')).toBeNull();
    expect(recommendationsMayBeAdopted(project(), [0])).toBe('the outcome assessment has 0 recommendation(s); no index 0');
  });
  it('refuses a plan without an outcome or with an unknown modality, naming the fields', () => {
    const result = planInput.safeParse({ ...plan(), outcomes: [], modality: 'LOCAL' });
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['outcomes', 'name at least one outcome'],
      ['modality', 'unknown modality "LOCAL"'],
    ]);
  });
});

describe('timings from configuration', () => {
  it('reads PALERMO_TIMINGS and names a bad key or duration', async () => {
    const { timingsFromEnv } = await import('../api/timings.js');
    expect(timingsFromEnv(undefined)).toBeUndefined();
    expect(timingsFromEnv('{"fundingReminder":"7 days","evaluationDeadline":"90d"}')).toEqual({ fundingReminder: '7 days', evaluationDeadline: '90d' });
    expect(() => timingsFromEnv('{"fundingReminder":"soon"}')).toThrow('PALERMO_TIMINGS: fundingReminder: must be a duration such as "30 days", "12h" or "90s"');
    expect(() => timingsFromEnv('{"fundingReminders":"7 days"}')).toThrow(/Unrecognized key/);
    expect(() => timingsFromEnv('7 days')).toThrow('PALERMO_TIMINGS must be JSON');
  });
});
