// Ranks the roster for one slot: hard rules first (each exclusion named), then the explained score.
// The rule as written, over the roster itself; the API ranks the same way on the roster's index
// (roster-index.ts rankOnIndex, equal to this: test/matching-index.test.ts).
import { exclusionsOf } from './exclusions.js';
import { scoreParts, scorePoints } from './score.js';
import type { Exclusion, MatchTarget, RosterExpert, ScorePart } from './types.js';

export interface RankedExpert {
  expert: RosterExpert;
  rank: number;
  score: number;
  parts: ScorePart[];
}
export interface ExcludedExpert {
  expert: RosterExpert;
  exclusions: Exclusion[];
}
export interface Ranking {
  ranked: RankedExpert[];
  /** The first `excludedLimit` excluded experts, each with its rules and reasons. */
  excluded: ExcludedExpert[];
  excludedCount: number;
  /** How many experts were eligible (ranked may be cut to `limit`). */
  eligible: number;
}

/** Only ACTIVE and SUSPENDED experts are on the roster for matching: nominations not accepted and retirees are not. */
export const onRoster = (e: RosterExpert): boolean => e.status === 'ACTIVE' || e.status === 'SUSPENDED';

export function rankExperts(experts: readonly RosterExpert[], target: MatchTarget, opts: { limit?: number; excludedLimit?: number } = {}): Ranking {
  const scored: { expert: RosterExpert; score: number; order: number }[] = [];
  const excluded: RosterExpert[] = [];
  experts.forEach((expert, order) => {
    if (!onRoster(expert)) return;
    if (exclusionsOf(expert, target, false).length) return void excluded.push(expert);
    scored.push({ expert, score: scorePoints(expert, target), order });
  });
  // Highest score first; equal scores in roster order (the roster is loaded by id), so a ranking is reproducible.
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const limit = opts.limit ?? scored.length;
  // Reasons are written only for the experts shown.
  return {
    ranked: scored.slice(0, limit).map((s, i) => ({ expert: s.expert, score: s.score, parts: scoreParts(s.expert, target), rank: i + 1 })),
    excluded: excluded.slice(0, opts.excludedLimit ?? excluded.length).map((expert) => ({ expert, exclusions: exclusionsOf(expert, target) })),
    excludedCount: excluded.length,
    eligible: scored.length,
  };
}
