// Table tests of the Conference's weights by instrument beside those by priority area, and of which
// weight set is in force on a day (pure: domain/priority.ts).
import { describe, expect, it } from 'vitest';
import { computePriority, prioritisePool, weightVersionInForce, type PoolNeed, type PriorityInput } from '../domain/priority.js';

const now = new Date('2012-06-22T00:00:00Z');
const base: PriorityInput = { priorityArea: 'PA-E', instrument: 'SOM', urgency: 'MEDIUM', identifiedAt: '2012-06-22T00:00:00Z', verdict: null, stateCouldNotReport: false, stateRank: null };
const areas = { 'PA-E': 1.5 };

describe('computePriority with instrument weights', () => {
  it.each<[string, Partial<PriorityInput>, Record<string, number>, number, [string, number][]]>([
    ['no instrument weights: the area alone', {}, {}, 55, [['CONFERENCE_WEIGHT', 45], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['the decision stresses SOM at 2', {}, { SOM: 2 }, 70, [['CONFERENCE_WEIGHT', 45], ['INSTRUMENT_WEIGHT', 15], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['FA stressed, the need is under SOM', {}, { FA: 2 }, 55, [['CONFERENCE_WEIGHT', 45], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['an instrument weighed 1 adds nothing', {}, { SOM: 1 }, 55, [['CONFERENCE_WEIGHT', 45], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['an instrument weighed 0 takes 15 away', {}, { SOM: 0 }, 40, [['CONFERENCE_WEIGHT', 45], ['INSTRUMENT_WEIGHT', -15], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['the instrument weight applies in every area', { priorityArea: 'PA-B' }, { SOM: 3 }, 70, [['CONFERENCE_WEIGHT', 30], ['INSTRUMENT_WEIGHT', 30], ['URGENCY', 10], ['TIME_WAITING', 0]]],
    ['a need without an instrument', { instrument: undefined }, { SOM: 2 }, 55, [['CONFERENCE_WEIGHT', 45], ['URGENCY', 10], ['TIME_WAITING', 0]]],
  ])('%s', (_name, over, instruments, score, parts) => {
    const input = { ...base, ...over };
    if (over.instrument === undefined && 'instrument' in over) delete input.instrument;
    const priority = computePriority(input, areas, now, instruments);
    expect(priority.score).toBe(score);
    expect(priority.parts.map((p) => [p.name, p.points])).toEqual(parts);
  });

  it('says which weight did what', () => {
    expect(computePriority(base, areas, now, { SOM: 2 }).parts.slice(0, 2).map((p) => p.reason)).toEqual(['the Conference weighs PA-E at 1.5', 'the Conference weighs SOM at 2']);
  });

  it('reorders the pool: a SOM need passes a TIP need of the same area once SOM is stressed', () => {
    const need = (id: string, instrument: string): PoolNeed => ({ id, stateCode: 'SEN', priorityArea: 'PA-E', instrument, urgency: 'MEDIUM', identifiedAt: '2012-01-01T00:00:00Z', stateRank: null, projectStage: null, verdict: null, awaitingConfirmation: false, mergedInto: null });
    const pool = [need('a-tip', 'TIP'), need('b-som', 'SOM')];
    expect(prioritisePool(pool, areas, [], now).map((n) => n.id)).toEqual(['a-tip', 'b-som']);
    expect(prioritisePool(pool, areas, [], now, { SOM: 2 }).map((n) => n.id)).toEqual(['b-som', 'a-tip']);
  });
});

describe('weightVersionInForce', () => {
  const v = (id: number, decidedOn: string) => ({ id, decidedOn });
  it.each<[string, { id: number; decidedOn: string }[], string, number | null]>([
    ['none recorded', [], '2012-06-22', null],
    ['the latest decided on or before the day', [v(1, '2006-10-18'), v(2, '2010-10-22')], '2012-06-22', 2],
    ['a decision recorded ahead of its date is not yet in force', [v(1, '2010-10-22'), v(2, '2012-10-19')], '2012-06-22', 1],
    ['it is in force from its own day', [v(1, '2010-10-22'), v(2, '2012-06-22')], '2012-06-22', 2],
    ['an older decision recorded later does not displace a newer one', [v(1, '2010-10-22'), v(2, '2008-10-17')], '2012-06-22', 1],
    ['two decided the same day: the one recorded last', [v(1, '2010-10-22'), v(2, '2010-10-22')], '2012-06-22', 2],
    ['every decision is in the future', [v(1, '2030-01-01')], '2012-06-22', null],
  ])('%s', (_name, versions, day, expected) => {
    expect(weightVersionInForce(versions, new Date(`${day}T12:00:00Z`))?.id ?? null).toBe(expected);
  });
});
