// Ranks the roster for several slots (a team's slots) on one index of the roster (roster-index.ts):
// each slot keeps only its best `limit` candidates, so no slot sorts the whole roster. The result for
// each slot is exactly rankExperts(experts, target, { limit }).ranked: same experts, order, scores and
// explained parts. The API ranks on the index it keeps per roster version (api/roster-cache.ts).
import type { RankedExpert } from './rank.js';
import { indexRoster, rankSlotsOnIndex } from './roster-index.js';
import type { MatchTarget, RosterExpert } from './types.js';

export function rankExpertsForSlots(experts: readonly RosterExpert[], targets: readonly MatchTarget[], limit: number): RankedExpert[][] {
  return rankSlotsOnIndex(indexRoster(experts), targets, limit);
}
