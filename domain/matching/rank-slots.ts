// Ranks the roster for several slots in one pass (a team's slots): each expert is read once, its
// slot-independent parts computed once, and each slot keeps only its best `limit` candidates, so no
// slot sorts the whole roster. An expert whose score cannot reach a full list's last place is skipped
// before the hard rules and the full score are computed. The result for each slot is exactly
// rankExperts(experts, target, { limit }).ranked: same experts, order, scores and explained parts.
import { onRoster, type RankedExpert } from './rank.js';
import { groupOf } from '../expertise.js';
import { breaksHardRule } from './exclusions.js';
import { MAX_OTHER_POINTS, scoreParts, scorePoints, standingPoints, WEIGHTS } from './score.js';
import type { MatchTarget, RosterExpert } from './types.js';

interface Kept { expert: RosterExpert; score: number; order: number }

// Scores are rounded to one decimal; a bound is compared with this margin so float sums never prune a
// candidate that rounding would have let in (equal scores are then decided by roster order, exactly).
const MARGIN = 0.1;

export function rankExpertsForSlots(experts: readonly RosterExpert[], targets: readonly MatchTarget[], limit: number): RankedExpert[][] {
  const lists: Kept[][] = targets.map(() => []);
  // The score a newcomer must beat in each slot: -Infinity until the slot's list is full.
  const floor = targets.map(() => -Infinity);
  let lowestFloor = -Infinity;
  // The field part (score.ts fieldPart) from sets: a field of the slot held exactly, else a shared group.
  const slotFields = targets.map((t) => new Set(t.fields));
  const slotGroups = targets.map((t) => new Set(t.fields.map(groupOf)));
  for (let order = 0; order < experts.length; order++) {
    const expert = experts[order]!;
    if (!onRoster(expert) || expert.status === 'SUSPENDED') continue; // a suspended expert is excluded from every slot
    const standing = standingPoints(expert);
    if (limit === 0 || standing + WEIGHTS.field + MAX_OTHER_POINTS < lowestFloor - MARGIN) continue;
    const fields = expert.profile.fields;
    const groups = fields.map(groupOf);
    for (let s = 0; s < targets.length; s++) {
      const target = targets[s]!;
      const field = fields.some((f) => slotFields[s]!.has(f)) ? WEIGHTS.field : groups.some((g) => slotGroups[s]!.has(g)) ? WEIGHTS.fieldBranch : 0;
      if (standing + field + MAX_OTHER_POINTS < floor[s]! - MARGIN) continue;
      if (breaksHardRule(expert, target)) continue;
      const score = scorePoints(expert, target);
      // Equal scores keep roster order: a later expert enters only with a strictly higher score.
      if (score <= floor[s]!) continue;
      const list = lists[s]!;
      let at = list.length;
      while (at > 0 && list[at - 1]!.score < score) at--;
      list.splice(at, 0, { expert, score, order });
      if (list.length > limit) list.pop();
      if (list.length === limit) {
        floor[s] = list[limit - 1]!.score;
        lowestFloor = Math.min(...floor);
      }
    }
  }
  return lists.map((list, s) => list.map((k, i) => ({ expert: k.expert, score: k.score, parts: scoreParts(k.expert, targets[s]!), rank: i + 1 })));
}
