// One pass for a team's slots gives, slot by slot, exactly what ranking the roster once per slot gives:
// the same experts in the same order with the same scores and explained parts, ties included.
import { describe, expect, it } from 'vitest';
import { STATES } from '../domain/code-lists/index.js';
import { EXPERTISE_FIELDS, fieldsForNeed } from '../domain/expertise.js';
import { LEVELS } from '../domain/languages.js';
// The languages the seeds name (domain.md 3.14); the roster takes any ISO 639-1 code, but a roster drawn from all 183 would leave slots unfilled.
const SEED_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'pt', 'fa', 'sq'];
import { breaksHardRule, exclusionsOf } from '../domain/matching/exclusions.js';
import { rankExperts } from '../domain/matching/rank.js';
import { rankExpertsForSlots } from '../domain/matching/rank-slots.js';
import type { MatchTarget, RosterExpert } from '../domain/matching/types.js';

// A deterministic synthetic roster of invented experts, drawn from the taxonomy, languages and States;
// few distinct profiles, so many experts tie on score and roster order must decide.
function roster(size: number, seed: number): RosterExpert[] {
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const leaves = EXPERTISE_FIELDS.filter((f) => f.parent).map((f) => f.code);
  return Array.from({ length: size }, (_, i) => ({
    id: `expert-${String(i).padStart(5, '0')}`, name: `Synthetic expert ${i} (invented)`, nationality: pick(STATES).code,
    status: pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'RETIRED', 'NOMINATED'] as const), pastOutcomes: rand() < 0.5 ? [1 + Math.floor(rand() * 4)] : [], workload: Math.floor(rand() * 3),
    profile: {
      fields: [pick(leaves), pick(leaves)], instruments: [{ instrument: pick(['UNTOC', 'TIP', 'FA']), articles: rand() < 0.3 ? ['32'] : [] }],
      languages: [{ language: pick(['en', 'fr', 'es', pick(SEED_LANGUAGES)]), level: pick(LEVELS) }], regions: [pick(STATES).regions[0]!], states: [pick(STATES).code],
      availability: [{ from: '2027-01-01', to: rand() < 0.8 ? '2027-12-31' : '2027-03-10' }], conflicts: { states: rand() < 0.05 ? ['GAB'] : [], projects: [], organisations: [] }, capacity: 1,
    },
  }));
}

const target = (stateCode: string, priorityActivity: string): MatchTarget => ({
  stateCode, fields: fieldsForNeed({ instrument: 'UNTOC', priorityActivity, priorityArea: 'PA-B' }), instrument: 'UNTOC', article: '32', window: { from: '2027-03-01', to: '2027-03-15' },
});
const TEAM = [target('GAB', '(d)'), target('KEN', '(b)'), target('HND', '(e)'), target('BOL', '(g)'), target('TCD', '(f)(i)'), target('GAB', '(d)')];

describe('rankExpertsForSlots', () => {
  it.each([
    [500, 1, 10],
    [500, 2, 1],
    [3000, 3, 30],
    [3000, 4, 200],
    [40, 5, 100], // fewer eligible experts than the limit
    [200, 6, 0],
  ])('roster of %i (seed %i), %i per slot: each slot equals rankExperts', (size, seed, limit) => {
    const experts = roster(size, seed);
    const once = rankExpertsForSlots(experts, TEAM, limit);
    expect(once).toHaveLength(TEAM.length);
    TEAM.forEach((t, s) => expect(once[s]).toEqual(rankExperts(experts, t, { limit }).ranked));
    // Not vacuous: the lists hold experts, and some share a score.
    if (size >= 500 && limit >= 10) {
      expect(once.every((list) => list.length === limit)).toBe(true);
      expect(once.some((list) => new Set(list.map((r) => r.score)).size < list.length)).toBe(true);
    }
  });
  it('skips exactly the experts the hard rules exclude', () => {
    const experts = roster(2000, 8);
    const withConflicts = [...TEAM, { ...TEAM[0]!, projectId: 'p-1', organisations: ['UNODC'] }];
    let excluded = 0;
    for (const e of experts) for (const t of withConflicts) {
      const rules = exclusionsOf(e, t, false).length > 0;
      expect(breaksHardRule(e, t)).toBe(rules);
      if (rules) excluded++;
    }
    expect(excluded).toBeGreaterThan(0);
  });
  it('ranks no slot for no slots', () => {
    expect(rankExpertsForSlots(roster(50, 7), [], 10)).toEqual([]);
  });
});
