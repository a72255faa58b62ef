// The indexed roster (domain/matching/roster-index.ts) ranks exactly as rankExperts ranks the roster
// itself: the same experts in the same order with the same scores and explained parts, the same
// excluded experts with their rules, the same counts, ties included. Checked on generated rosters and
// slots (fast-check: every hard rule, field groups, instruments with articles, regions, levels, limits).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATES } from '../domain/code-lists/index.js';
import { EXPERTISE_FIELDS, fieldsForNeed } from '../domain/expertise.js';
import { LEVELS } from '../domain/languages.js';
import { expertProfileInput } from '../domain/roster-inputs.js';
import { rankExperts } from '../domain/matching/rank.js';
import { indexRoster, rankOnIndex, rankSlotsOnIndex } from '../domain/matching/roster-index.js';
import { EXPERT_STATUSES, type MatchTarget, type RosterExpert } from '../domain/matching/types.js';

// Few codes, so that experts and slots meet often: two groups of fields with their leaves, States of
// different working languages (and one unknown to the code lists), a handful of regions.
const FIELDS = EXPERTISE_FIELDS.filter((f) => ['INTL_COOPERATION', 'REPORTING'].includes(f.code.split('.')[0]!)).slice(0, 8).map((f) => f.code);
const STATE_CODES = ['GAB', 'KEN', 'HND', 'FRA', 'CHN', 'BRA', 'ZZZ'];
const REGIONS = [...new Set(STATES.filter((s) => STATE_CODES.includes(s.code)).flatMap((s) => s.regions))].slice(0, 8);
const DATES = ['2027-01-01', '2027-03-01', '2027-03-10', '2027-03-15', '2027-12-31'];
const some = <T>(values: readonly T[], maxLength = 3) => fc.array(fc.constantFrom(...values), { maxLength });
// Mostly nothing: most experts pass most rules, so that lists fill up and their last places are contested.
const rarely = <T>(values: fc.Arbitrary<T[]>) => fc.oneof({ weight: 5, arbitrary: fc.constant([] as T[]) }, { weight: 1, arbitrary: values });

const window = fc.tuple(fc.constantFrom(...DATES), fc.constantFrom(...DATES)).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
const expert = fc.record({
  name: fc.constant('Generated expert (invented)'),
  nationality: fc.constantFrom(...STATE_CODES),
  status: fc.oneof({ weight: 4, arbitrary: fc.constant('ACTIVE' as const) }, { weight: 1, arbitrary: fc.constantFrom(...EXPERT_STATUSES) }),
  pastOutcomes: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
  workload: fc.integer({ min: 0, max: 6 }),
  profile: fc.record({
    fields: some(FIELDS),
    instruments: fc.array(fc.record({ instrument: fc.constantFrom('UNTOC', 'TIP', 'FA'), articles: some(['32', '5']) }), { maxLength: 3 }),
    languages: fc.array(fc.record({ language: fc.constantFrom('en', 'fr', 'es', 'pt', 'zh'), level: fc.constantFrom(...LEVELS) }), { maxLength: 4 }),
    regions: some(REGIONS, 2),
    states: some(STATE_CODES, 2),
    availability: fc.array(fc.oneof(fc.constant({ from: DATES[0]!, to: DATES.at(-1)! }), window), { maxLength: 2 }),
    conflicts: fc.record({ states: rarely(some(STATE_CODES, 1)), projects: rarely(some(['p-1', 'p-2'], 1)), organisations: rarely(some(['UNODC', 'unodc', 'European Union'], 1)) }),
    capacity: fc.integer({ min: 1, max: 2 }),
  }),
});
// Up to 60 experts drawn from up to 15 profiles: equal scores are common, and roster order must decide.
const roster = fc.tuple(fc.array(expert, { minLength: 1, maxLength: 15 }), fc.array(fc.nat(), { maxLength: 60, size: 'medium' }))
  .map(([profiles, picks]) => picks.map((p, i) => ({ ...profiles[p % profiles.length]!, id: `expert-${i}` }) as RosterExpert));
const target: fc.Arbitrary<MatchTarget> = fc.record({
  stateCode: fc.constantFrom(...STATE_CODES),
  projectId: fc.constantFrom('p-1', 'p-3'),
  fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }),
  instrument: fc.constantFrom('UNTOC', 'TIP', 'SOM'),
  article: fc.constantFrom('32', '5', null),
  window,
  languages: fc.uniqueArray(fc.constantFrom('en', 'fr', 'es', 'ar'), { maxLength: 2 }),
  organisations: some(['UNODC', 'Unodc', 'UNDP']),
}, { requiredKeys: ['stateCode', 'fields', 'instrument'] });
// Short lists often, so that a tie at the last place decides who is in.
const limit = fc.option(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 70 })), { nil: undefined });

describe('rankOnIndex', () => {
  it('equals rankExperts on generated rosters and slots', () => {
    fc.assert(fc.property(roster, target, limit, limit, (experts, t, lim, excludedLimit) => {
      const opts = { ...(lim === undefined ? {} : { limit: lim }), ...(excludedLimit === undefined ? {} : { excludedLimit }) };
      expect(rankOnIndex(indexRoster(experts), t, opts)).toEqual(rankExperts(experts, t, opts));
    }), { numRuns: 400 });
  });

  it('ranks each slot of a team as rankExperts ranks it, sharing one index', () => {
    // Some slots differ from another only in their fields (several roles for one need), so they share the
    // hard rules, or also in one of the rules' inputs (the window, the organisations), so they must not.
    const variant = fc.record({
      fields: fc.uniqueArray(fc.constantFrom(...FIELDS), { minLength: 1, maxLength: 3 }),
      window: fc.option(window, { nil: undefined }),
      organisations: fc.option(fc.constant(['unodc']), { nil: undefined }),
    }, { requiredKeys: ['fields'] });
    const slots = fc.tuple(fc.array(target, { maxLength: 4 }), fc.array(variant, { maxLength: 4 }))
      .map(([own, variants]) => (own.length ? [...own, ...variants.map((v, k) => ({ ...own[k % own.length]!, ...v }))] : own));
    fc.assert(fc.property(roster, slots, fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 40 })), (experts, targets, lim) => {
      const index = indexRoster(experts);
      expect(rankSlotsOnIndex(index, targets, lim)).toEqual(targets.map((t) => rankExperts(experts, t, { limit: lim }).ranked));
    }), { numRuns: 500 });
  });

  it('keeps a better expert of the field\'s group over its holders, and the earlier of equal scores', () => {
    // Invented experts. Holders of the slot's field score 70 (40 + French 15 + Gabon 10 + neutral 5); n1,
    // of the same group only, scores 75 (20 + UNTOC art. 32 20 + 15 + 10 + rating 4 10); n2, earlier in
    // the roster, ties the holders at 70 (20 + UNTOC 15 + 15 + 10 + 10) and so wins over a later holder.
    const at = (id: string, profile: Record<string, unknown>, pastOutcomes: number[] = []): RosterExpert => ({
      id, name: `${id} (invented)`, nationality: 'FRA', status: 'ACTIVE', pastOutcomes, workload: 0,
      profile: expertProfileInput.parse({ languages: [{ language: 'fr', level: 'NATIVE' }], states: ['GAB'], ...profile }),
    });
    const experts = [
      at('n2', { fields: ['INTL_COOPERATION.EXTRADITION'], instruments: [{ instrument: 'UNTOC', articles: [] }] }, [4]),
      at('h1', { fields: ['INTL_COOPERATION.MLA'] }),
      at('h2', { fields: ['INTL_COOPERATION.MLA'] }),
      at('n1', { fields: ['INTL_COOPERATION.EXTRADITION'], instruments: [{ instrument: 'UNTOC', articles: ['32'] }] }, [4]),
    ];
    const t: MatchTarget = { stateCode: 'GAB', fields: ['INTL_COOPERATION.MLA'], instrument: 'UNTOC', article: '32' };
    const full = rankExperts(experts, t, { limit: 2 });
    expect(full.ranked.map((r) => [r.expert.id, r.score])).toEqual([['n1', 75], ['n2', 70]]);
    expect(rankOnIndex(indexRoster(experts), t, { limit: 2 })).toEqual(full);
    expect(rankOnIndex(indexRoster(experts), t, { limit: 3 })).toEqual(rankExperts(experts, t, { limit: 3 }));
  });

  it('equals rankExperts at 20,000 experts of few distinct profiles (many ties, decided by roster order)', () => {
    let seed = 11;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const leaves = EXPERTISE_FIELDS.filter((f) => f.parent).map((f) => f.code);
    const experts: RosterExpert[] = Array.from({ length: 20_000 }, (_, i) => ({
      id: `expert-${String(i).padStart(5, '0')}`, name: `Synthetic expert ${i} (invented)`, nationality: pick(STATES).code,
      status: pick(['ACTIVE', 'ACTIVE', 'ACTIVE', 'SUSPENDED', 'RETIRED'] as const), pastOutcomes: rand() < 0.5 ? [1 + Math.floor(rand() * 4)] : [], workload: Math.floor(rand() * 3),
      profile: {
        fields: [pick(leaves), pick(leaves)], instruments: [{ instrument: pick(['UNTOC', 'TIP']), articles: rand() < 0.3 ? ['32'] : [] }],
        languages: [{ language: pick(['en', 'fr', 'es']), level: pick(LEVELS) }], regions: [pick(STATES).regions[0]!], states: [pick(STATES).code],
        availability: [{ from: '2027-01-01', to: rand() < 0.8 ? '2027-12-31' : '2027-03-10' }], conflicts: { states: rand() < 0.05 ? ['GAB'] : [], projects: [], organisations: [] }, capacity: 1,
      },
    }));
    const slot = (stateCode: string, priorityActivity: string): MatchTarget => ({
      stateCode, fields: fieldsForNeed({ instrument: 'UNTOC', priorityActivity, priorityArea: 'PA-B' }), instrument: 'UNTOC', article: '32', window: { from: '2027-03-01', to: '2027-03-15' },
    });
    const index = indexRoster(experts);
    const slots = [slot('GAB', '(d)'), slot('KEN', '(b)'), slot('HND', '(e)')];
    for (const t of slots) {
      const full = rankExperts(experts, t, { limit: 200, excludedLimit: 50 });
      expect(rankOnIndex(index, t, { limit: 200, excludedLimit: 50 })).toEqual(full);
      // Not vacuous: a full list with ties, and experts excluded.
      expect(full.ranked).toHaveLength(200);
      expect(new Set(full.ranked.map((r) => r.score)).size).toBeLessThan(200);
      expect(full.excludedCount).toBeGreaterThan(50);
    }
    expect(rankSlotsOnIndex(index, slots, 30)).toEqual(slots.map((t) => rankExperts(experts, t, { limit: 30 }).ranked));
    // Slots of one State in one window share who passes the hard rules; their fields still rank apart.
    const gabon = [slot('GAB', '(d)'), slot('GAB', '(b)'), { ...slot('GAB', '(e)'), languages: ['en'] }, { ...slot('GAB', '(g)'), organisations: ['UNODC'] }];
    expect(rankSlotsOnIndex(index, gabon, 30)).toEqual(gabon.map((t) => rankExperts(experts, t, { limit: 30 }).ranked));
  });
});
