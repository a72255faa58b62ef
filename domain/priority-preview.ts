// What a proposed set of Conference weights would do to the ranking of the needs pool, before it is set.
// Only the CONFERENCE_WEIGHT part depends on the weights; it is recomputed with computePriority (the rule
// the re-prioritisation uses), every other part is kept as the pool gave it. Pure: the web app runs it
// in the browser over the needs pool it has loaded.
import { computePriority, type PriorityWeights } from './priority.js';

export interface PreviewNeed {
  id: string;
  rank: number;
  priorityArea: string;
  priority: { score: number; parts: readonly { name: string; points: number }[] };
}

export interface RankChange<N extends PreviewNeed> {
  need: N;
  rank: number;
  previousRank: number;
  score: number;
  previousScore: number;
  /** Places gained (positive = rises), as prioritySnapshots reports it. */
  change: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The points a need's area gets under these weights: the CONFERENCE_WEIGHT part of computePriority. */
export function conferenceWeightPoints(priorityArea: string, weights: PriorityWeights): number {
  const now = new Date(0);
  const part = computePriority({ priorityArea, urgency: 'LOW', identifiedAt: now.toISOString(), verdict: null, stateCouldNotReport: false, stateRank: null }, weights, now).parts.find((p) => p.name === 'CONFERENCE_WEIGHT');
  return part?.points ?? 0;
}

/**
 * Re-ranks the pool under the proposed weights. Ties keep the pool's current order, which already
 * breaks them by time waiting and id (rankNeeds in priority.ts).
 */
export function previewRanking<N extends PreviewNeed>(pool: readonly N[], weights: PriorityWeights): RankChange<N>[] {
  const rescored = pool.map((need) => {
    const others = need.priority.parts.filter((p) => p.name !== 'CONFERENCE_WEIGHT').reduce((sum, p) => sum + p.points, 0);
    return { need, previousRank: need.rank, previousScore: need.priority.score, score: round(others + conferenceWeightPoints(need.priorityArea, weights)) };
  });
  rescored.sort((a, b) => b.score - a.score || a.previousRank - b.previousRank);
  return rescored.map((r, i) => ({ ...r, rank: i + 1, change: r.previousRank - (i + 1) }));
}
