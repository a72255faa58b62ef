// Table tests of the lanes a re-prioritisation run cuts the pool into (domain/pool-lanes.ts): about equal
// lanes, none empty, and every id, including ids written between or beyond the cuts, in exactly one lane.
import { describe, expect, it } from 'vitest';
import { laneCountProblem, laneCutPlaces, lanesBetween, type PoolLane } from '../domain/pool-lanes.js';

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The lane predicate the page's SQL applies: from <= id < to, a null end open. */
const inLane = (id: string, lane: PoolLane) => (lane.from === null || byCodePoint(id, lane.from) >= 0) && (lane.to === null || byCodePoint(id, lane.to) < 0);

describe('laneCutPlaces', () => {
  it.each<[number, number, number[]]>([
    [100_000, 2, [50_000]],
    [100_000, 3, [33_333, 66_666]],
    [10, 4, [2, 5, 7]],
    [3, 4, [1, 2]], // fewer needs than lanes: no empty lane
    [1, 2, []],
    [0, 2, []],
    [100, 1, []],
  ])('%i needs in %i lanes begin at %j', (needs, lanes, places) => {
    expect(laneCutPlaces(needs, lanes)).toEqual(places);
  });
});

describe('lanesBetween', () => {
  it.each<[string[], PoolLane[]]>([
    [[], [{ from: null, to: null }]],
    [['m'], [{ from: null, to: 'm' }, { from: 'm', to: null }]],
    [['f', 'p'], [{ from: null, to: 'f' }, { from: 'f', to: 'p' }, { from: 'p', to: null }]],
  ])('cuts %j', (cuts, lanes) => {
    expect(lanesBetween(cuts)).toEqual(lanes);
  });

  it.each([[0, 1], [1, 2], [2, 2], [7, 3], [23, 2], [23, 4], [100, 8]])('%i needs in %i lanes: each need, and each id written since, in exactly one lane', (count, lanes) => {
    const ids = Array.from({ length: count }, (_, i) => `need-${String(i * 2).padStart(4, '0')}`).sort(byCodePoint);
    const cuts = laneCutPlaces(ids.length, lanes).map((place) => ids[place]!);
    const cut = lanesBetween(cuts);
    expect(cut.length).toBe(Math.max(1, Math.min(lanes, count)));
    // Written during the run: between two needs, before the first, after the last.
    const written = ['', 'a', 'need-', ...ids.map((id) => `${id}x`), 'zzz'];
    for (const id of [...ids, ...written]) expect(cut.filter((lane) => inLane(id, lane)), id).toHaveLength(1);
    // About equal: no lane more than one need larger than another.
    const sizes = cut.map((lane) => ids.filter((id) => inLane(id, lane)).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });
});

describe('laneCountProblem', () => {
  it.each<[unknown, string | null]>([
    [1, null],
    [2, null],
    [8, null],
    [0, 'lanes: must be from 1 to 8, got 0'],
    [9, 'lanes: must be from 1 to 8, got 9'],
    [1.5, 'lanes: must be a whole number, got 1.5'],
    ['2', 'lanes: must be a whole number, got "2"'],
  ])('%j', (lanes, problem) => {
    expect(laneCountProblem(lanes)).toBe(problem);
  });
});
