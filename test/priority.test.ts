// Table tests of the priority formula and the pool rule.
import { describe, expect, it } from 'vitest';
import { computePriority, isOpenNeed, prioritiseOpenNeeds, prioritisePool, rankNeeds, type PoolNeed, type PriorityInput } from '../domain/priority.js';

const now = new Date('2012-06-22T00:00:00Z'); // the date of the 2012 report (004)
const base: PriorityInput = { priorityArea: 'PA-A', urgency: 'MEDIUM', identifiedAt: '2012-06-22T00:00:00Z', verdict: null, stateCouldNotReport: false, stateRank: null };
const weights = { 'PA-A': 1, 'PA-B': 1.5, 'PA-E': 0.5 };

describe('computePriority', () => {
  it.each<[string, Partial<PriorityInput>, number, [string, number][]]>([
    ['a fresh medium need in a neutral area', {}, 40, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['the Conference weighs PA-B at 1.5', { priorityArea: 'PA-B' }, 55, [['CONFERENCE_WEIGHT', 45], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['an area without a weight counts as 1', { priorityArea: 'PA-D' }, 40, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['critical urgency', { urgency: 'CRITICAL' }, 65, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 35], ['TIME_WAITING', 0]]],
    ['waiting since 2007 is capped', { identifiedAt: '2007-09-19T00:00:00Z' }, 60, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 20]]],
    ['waiting six months', { identifiedAt: '2011-12-22T00:00:00Z' }, 46, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 6]]],
    ['found unmet by an evaluation', { verdict: 'UNMET' }, 55, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0], ['FOUND_UNMET', 15]]],
    ['found partly met', { verdict: 'PARTLY_MET' }, 48, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0], ['FOUND_UNMET', 8]]],
    ['met adds nothing', { verdict: 'MET' }, 40, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['its State could not report', { stateCouldNotReport: true }, 50, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0], ['COULD_NOT_REPORT', 10]]],
    ['the State ranks it first', { stateRank: 1 }, 50, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0], ['STATE_RANKING', 10]]],
    ['the State ranks it fourth', { stateRank: 4 }, 40, [['CONFERENCE_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0]]],
  ])('%s', (_name, over, score, parts) => {
    const priority = computePriority({ ...base, ...over }, weights, now);
    expect(priority.score).toBe(score);
    expect(priority.parts.map((p) => [p.name, p.points])).toEqual(parts);
    expect(priority.parts.every((p) => p.reason.length > 0)).toBe(true);
  });

  it('explains each part in words', () => {
    const priority = computePriority({ ...base, priorityArea: 'PA-B', verdict: 'UNMET', stateCouldNotReport: true, stateRank: 2 }, weights, now);
    expect(priority.parts.map((p) => p.reason)).toEqual([
      'the Conference weighs PA-B at 1.5',
      'urgency MEDIUM',
      'waiting 0 month(s)',
      'an evaluation found it unmet',
      'its State is among those that could not report (000 fn 5)',
      'its State ranks it number 2 of its needs (R2)',
    ]);
  });
});

describe('rankNeeds', () => {
  it('ranks by score, then by time waiting, then by id', () => {
    const p = (score: number) => ({ score, parts: [] });
    const ranked = rankNeeds([
      { id: 'b', identifiedAt: '2010-01-01', priority: p(40) },
      { id: 'a', identifiedAt: '2010-01-01', priority: p(40) },
      { id: 'c', identifiedAt: '2008-01-01', priority: p(40) },
      { id: 'd', identifiedAt: '2011-01-01', priority: p(55) },
    ]);
    expect(ranked.map((n) => [n.id, n.rank])).toEqual([['d', 1], ['c', 2], ['a', 3], ['b', 4]]);
  });
});

describe('prioritiseOpenNeeds', () => {
  it('keeps the open needs in the order given, with the priorities prioritisePool ranks', () => {
    const need = (id: string, over: Partial<PoolNeed> = {}): PoolNeed => ({
      id, stateCode: 'KEN', priorityArea: 'PA-A', urgency: 'HIGH', identifiedAt: '2010-01-01T00:00:00.000Z', stateRank: null,
      projectStage: null, verdict: null, awaitingConfirmation: false, mergedInto: null, ...over,
    });
    const needs = [
      need('z', { urgency: 'LOW' }),
      need('served', { projectStage: 'IN_DELIVERY' }),
      need('a', { urgency: 'CRITICAL' }),
      need('merged', { mergedInto: 'a' }),
      need('presumed', { awaitingConfirmation: true }),
      need('m', { verdict: 'UNMET', projectStage: 'CLOSED' }),
    ];
    const now = new Date('2026-12-06T00:00:00Z');
    const open = prioritiseOpenNeeds(needs, { 'PA-A': 2 }, ['KEN'], now);
    expect(open.map((n) => n.id)).toEqual(['z', 'a', 'm']);
    const ranked = prioritisePool(needs, { 'PA-A': 2 }, ['KEN'], now);
    expect(ranked.map((n) => n.id)).toEqual(['a', 'm', 'z']); // a and m tie at 35 points: the id decides
    expect(new Map(open.map((n) => [n.id, n.priority]))).toEqual(new Map(ranked.map((n) => [n.id, n.priority])));
  });

  it('gives each need what computePriority gives it, needs alike sharing one frozen priority', () => {
    const now = new Date('2026-12-06T00:00:00Z');
    const day = 86_400_000;
    // Waits around month boundaries (same whole months, other points; same points, other whole months past the cap),
    // every urgency, verdict, State rank, instrument and the ratification flag, in turn.
    const waits = [0, 1, 29, 30, 31, 45, 46, 300, 608, 609, 610, 640, 2000, 6000].map((days) => new Date(now.getTime() - days * day - 3_600_000).toISOString());
    const needs: PoolNeed[] = Array.from({ length: 2_000 }, (_, i) => ({
      id: `n${i}`, stateCode: ['KEN', 'GAB', 'HND'][i % 3]!, priorityArea: ['PA-A', 'PA-B', 'PA-E'][i % 5 % 3]!, ...(i % 7 === 0 ? {} : { instrument: ['UNTOC', 'TIP', 'FA'][i % 3]! }),
      urgency: (['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const)[i % 4]!, identifiedAt: waits[i % waits.length]!, stateRank: [null, 1, 2, 3, 4][i % 5]!,
      projectStage: i % 11 === 0 ? 'CLOSED' : null, verdict: i % 11 === 0 ? (['UNMET', 'PARTLY_MET'] as const)[i % 2]! : null,
      awaitingConfirmation: false, mergedInto: null, ratification: i % 13 === 0,
    }));
    const instrumentWeights = { TIP: 2, FA: 0 };
    const open = prioritiseOpenNeeds(needs, weights, ['GAB'], now, instrumentWeights);
    expect(open).toHaveLength(needs.length);
    for (const n of open) {
      expect(n.priority, n.id).toEqual(computePriority({ priorityArea: n.priorityArea, ...(n.instrument === undefined ? {} : { instrument: n.instrument }), urgency: n.urgency, identifiedAt: n.identifiedAt, verdict: n.verdict, stateCouldNotReport: n.stateCode === 'GAB', stateRank: n.stateRank, ratification: n.ratification }, weights, now, instrumentWeights));
    }
    const distinct = new Set(open.map((n) => n.priority));
    expect(distinct.size).toBeLessThan(open.length / 2);
    expect(new Set(open.map((n) => JSON.stringify(n.priority))).size).toBe(distinct.size); // one object per distinct priority
    expect(() => open[0]!.priority.parts.push({ name: 'URGENCY', points: 1, reason: 'changed through one need' })).toThrow(TypeError);
  });
});

describe('isOpenNeed', () => {
  it.each<[string | null, 'MET' | 'PARTLY_MET' | 'UNMET' | null, boolean]>([
    [null, null, true],
    ['SUBMITTED', null, true],
    ['AWAITING_FUNDING', null, true],
    ['IN_DELIVERY', null, false],
    ['UNDER_EVALUATION', null, false],
    ['CLOSED', 'MET', false],
    ['CLOSED', 'PARTLY_MET', true],
    ['REPRIORITISATION', 'UNMET', true],
    ['DECLINED', null, false],
    ['CANCELLED', null, false],
  ])('stage %s, verdict %s -> %s', (stage, verdict, open) => {
    expect(isOpenNeed(stage, verdict)).toBe(open);
  });
});
