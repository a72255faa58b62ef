// Pure rules of matching: exclusions, the explained score, optimal vs greedy teams, evaluator independence.
import { describe, expect, it } from 'vitest';
import { fieldsForNeed } from '../domain/expertise.js';
import { workingLanguagesOf } from '../domain/languages.js';
import { expertProfileInput } from '../domain/roster-inputs.js';
import { greedyTeam, optimalTeam, type Slot } from '../domain/matching/assign.js';
import { independenceBreaches } from '../domain/matching/evaluator.js';
import { exclusionsOf } from '../domain/matching/exclusions.js';
import { rankExperts } from '../domain/matching/rank.js';
import type { MatchTarget, RosterExpert } from '../domain/matching/types.js';

// Invented experts (names marked as such); States and fields from the seeds.
const expert = (id: string, over: Partial<Omit<RosterExpert, 'profile'>> & { profile?: Record<string, unknown> } = {}): RosterExpert => ({
  id, name: `${id} (invented)`, nationality: 'FRA', status: 'ACTIVE', pastOutcomes: [], workload: 0,
  ...over,
  profile: expertProfileInput.parse({
    fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [{ instrument: 'UNTOC', articles: ['32'] }],
    languages: [{ language: 'fr', level: 'C2' }], availability: [{ from: '2027-01-01', to: '2027-12-31' }], ...over.profile,
  }),
});
// Gabon's reporting need (scenario S1: PA-A, (d), UNTOC art. 32).
const gabon: MatchTarget = { stateCode: 'GAB', projectId: 'p-gab', fields: fieldsForNeed({ instrument: 'UNTOC', priorityActivity: '(d)', priorityArea: 'PA-A' }), instrument: 'UNTOC', article: '32', window: { from: '2027-03-01', to: '2027-03-15' } };

describe('hard rules', () => {
  it.each([
    ['SUSPENDED', expert('x', { status: 'SUSPENDED' })],
    ['NO_SHARED_LANGUAGE', expert('x', { profile: { languages: [{ language: 'en', level: 'NATIVE' }, { language: 'fr', level: 'A2' }] } })],
    ['UNAVAILABLE', expert('x', { profile: { availability: [{ from: '2027-03-05', to: '2027-12-31' }] } })],
    ['CONFLICT_OF_INTEREST', expert('x', { profile: { conflicts: { states: ['GAB'] } } })],
    ['CONFLICT_OF_INTEREST', expert('x', { profile: { conflicts: { projects: ['p-gab'] } } })],
  ])('%s excludes', (rule, e) => {
    expect(exclusionsOf(e, gabon).map((x) => x.rule)).toEqual([rule]);
  });
  it('lets a fit expert through, and the beneficiary\'s language decides', () => {
    expect(exclusionsOf(expert('ok'), gabon)).toEqual([]);
    expect(workingLanguagesOf('HND')).toEqual(['es']);
    expect(exclusionsOf(expert('ok'), { ...gabon, stateCode: 'HND' }).map((x) => x.rule)).toEqual(['NO_SHARED_LANGUAGE']);
  });
});

describe('explained score', () => {
  it('names each part and ranks the better-fitting expert first', () => {
    const a = expert('a', { pastOutcomes: [4, 4], profile: { states: ['GAB'] } });
    const b = expert('b', { workload: 2, profile: { fields: ['REPORTING'], languages: [{ language: 'fr', level: 'B1' }] } });
    const { ranked, excluded } = rankExperts([b, a, expert('s', { status: 'SUSPENDED' }), expert('r', { status: 'RETIRED' })], gabon);
    expect(ranked.map((r) => r.expert.id)).toEqual(['a', 'b']);
    expect(ranked[0]!.parts).toEqual([
      { name: 'FIELD', points: 40, reason: 'expert in REPORTING.REPORTING_OBLIGATIONS' },
      { name: 'INSTRUMENT', points: 20, reason: 'knows UNTOC article 32' },
      { name: 'LANGUAGE', points: 13, reason: 'fr at C2' },
      { name: 'REGION', points: 10, reason: 'has worked in GAB' },
      { name: 'PAST_OUTCOMES', points: 10, reason: 'mean rating 4.0 of 4 over 2 deliveries' },
      { name: 'WORKLOAD', points: 0, reason: 'no current assignment' },
    ]);
    expect(ranked[0]!.score).toBe(93);
    expect(ranked[1]!.parts.map((p) => p.points)).toEqual([40, 20, 6, 0, 5, -6]);
    const mla = rankExperts([expert('e', { profile: { fields: ['INTL_COOPERATION.EXTRADITION'] } })], { ...gabon, fields: ['INTL_COOPERATION.MLA'] });
    expect(mla.ranked[0]!.parts[0]).toEqual({ name: 'FIELD', points: 20, reason: 'INTL_COOPERATION.EXTRADITION is in the same group as INTL_COOPERATION.MLA' });
    expect(excluded.map((x) => [x.expert.id, x.exclusions[0]!.rule])).toEqual([['s', 'SUSPENDED']]);
  });
});

describe('team assignment', () => {
  const c = (expertId: string, score: number, homeRegion = 'R1', capacity = 1) => ({ expertId, score, capacity, homeRegion });
  it('beats greedy where greedy is wrong', () => {
    // Greedy gives the legal drafter slot to A (10) and leaves B (1) for statistics: 11. Optimum: B+A = 17.
    const slots: Slot[] = [{ id: 'drafting', candidates: [c('A', 10), c('B', 9)] }, { id: 'statistics', candidates: [c('A', 8), c('B', 1)] }];
    expect(greedyTeam(slots).total).toBe(11);
    const best = optimalTeam(slots);
    expect(best.total).toBe(17);
    expect(best.assignments).toEqual([{ slotId: 'drafting', expertId: 'B', score: 9 }, { slotId: 'statistics', expertId: 'A', score: 8 }]);
  });
  it('fills every slot it can, honours capacity and the geographical-balance limit', () => {
    const slots: Slot[] = [
      { id: 's1', candidates: [c('W1', 50, 'WEOG', 2), c('AF', 20, 'AFRICA')] },
      { id: 's2', candidates: [c('W1', 50, 'WEOG', 2), c('W2', 45, 'WEOG')] },
      { id: 's3', candidates: [c('W2', 45, 'WEOG'), c('LA', 10, 'LATAM')] },
    ];
    expect(optimalTeam(slots).total).toBe(145);
    const balanced = optimalTeam(slots, 1);
    expect(balanced.assignments.map((a) => a.expertId).sort()).toEqual(['AF', 'LA', 'W1']);
    expect(balanced.total).toBe(80);
    expect(greedyTeam(slots, 1).unfilled).toEqual(['s2']);
    expect(optimalTeam([{ id: 'none', candidates: [] }]).unfilled).toEqual(['none']);
  });
});

describe('evaluator independence', () => {
  const project = { projectId: 'p-ken', beneficiaryStates: ['KEN'], deliveredBy: ['d'] };
  it.each([
    ['NATIONAL_OF_BENEFICIARY', expert('k', { nationality: 'KEN' })],
    ['DELIVERED_THE_PROJECT', expert('d')],
    ['DECLARED_CONFLICT', expert('c', { profile: { conflicts: { projects: ['p-ken'] } } })],
  ])('%s breaks independence', (rule, e) => {
    expect(independenceBreaches(e, project).map((b) => b.rule)).toEqual([rule]);
  });
  it('accepts an outside expert', () => expect(independenceBreaches(expert('i'), project)).toEqual([]));
});
