// The weight preview: only the Conference-weight part moves, with the same points computePriority gives.
import { describe, expect, it } from 'vitest';
import { computePriority } from '../domain/priority.js';
import { conferenceWeightPoints, previewRanking, type PreviewNeed } from '../domain/priority-preview.js';

const need = (id: string, rank: number, priorityArea: string, weightPoints: number, otherPoints: number): PreviewNeed => ({
  id,
  rank,
  priorityArea,
  priority: { score: weightPoints + otherPoints, parts: [{ name: 'CONFERENCE_WEIGHT', points: weightPoints }, { name: 'URGENCY', points: otherPoints }] },
});

describe('conferenceWeightPoints', () => {
  it.each([
    [{ 'PA-A': 1 }, 'PA-A', 30],
    [{ 'PA-A': 1.5 }, 'PA-A', 45],
    [{ 'PA-A': 0 }, 'PA-A', 0],
    [{ 'PA-A': 3 }, 'PA-A', 90],
    [{}, 'PA-B', 30], // an area without a weight is neutral
  ])('weights %j give %s %d points', (weights, area, points) => {
    expect(conferenceWeightPoints(area, weights)).toBe(points);
    const full = computePriority({ priorityArea: area, urgency: 'HIGH', identifiedAt: '2026-01-01T00:00:00Z', verdict: 'UNMET', stateCouldNotReport: true, stateRank: 1 }, weights, new Date('2026-06-01T00:00:00Z'));
    expect(full.parts.find((p) => p.name === 'CONFERENCE_WEIGHT')!.points).toBe(points);
  });
});

describe('previewRanking', () => {
  const pool = [need('a', 1, 'PA-A', 30, 35), need('b', 2, 'PA-B', 30, 20), need('c', 3, 'PA-C', 30, 10)];

  it('leaves the ranking as it is under the weights in force', () => {
    expect(previewRanking(pool, { 'PA-A': 1, 'PA-B': 1, 'PA-C': 1 }).map((r) => [r.need.id, r.rank, r.change, r.score])).toEqual([['a', 1, 0, 65], ['b', 2, 0, 50], ['c', 3, 0, 40]]);
  });

  it('raises a need whose area weighs more and says by how many places', () => {
    const preview = previewRanking(pool, { 'PA-A': 1, 'PA-B': 1, 'PA-C': 2 });
    expect(preview.map((r) => [r.need.id, r.rank, r.previousRank, r.change, r.previousScore, r.score])).toEqual([
      ['c', 1, 3, 2, 40, 70],
      ['a', 2, 1, -1, 65, 65],
      ['b', 3, 2, -1, 50, 50],
    ]);
  });

  it('keeps the current order between needs that tie', () => {
    const tied = [need('x', 1, 'PA-A', 30, 10), need('y', 2, 'PA-B', 30, 20)];
    expect(previewRanking(tied, { 'PA-A': 1 + 1 / 3, 'PA-B': 1 }).map((r) => r.need.id)).toEqual(['x', 'y']);
  });
});
