// Lanes of the needs pool for a re-prioritisation run: the pool cut by need id into ranges that the run's
// page loops walk at the same time (workflows/reprioritisation.ts), so that while node computes one page's
// priorities, PostgreSQL reads or writes another's. Every need, even one written during the run, falls in
// exactly one lane: the first lane has no lower bound, the last no upper one, and each cut is both the end
// of one lane and the start of the next.

/** Needs with ids in [from, to); a null end is open (before the first need, after the last). */
export interface PoolLane {
  from: string | null;
  to: string | null;
}

export const DEFAULT_LANES = 2;
export const MAX_LANES = 8;

/** Why a lane count is refused, or null: a whole number from 1 to MAX_LANES (more than the cores buys nothing). */
export function laneCountProblem(lanes: unknown): string | null {
  if (typeof lanes !== 'number' || !Number.isInteger(lanes)) return `lanes: must be a whole number, got ${JSON.stringify(lanes)}`;
  if (lanes < 1 || lanes > MAX_LANES) return `lanes: must be from 1 to ${MAX_LANES}, got ${lanes}`;
  return null;
}

/**
 * Where lanes 2.. begin, as places (0-based) in the pool's id order: the pool's quantiles, so each lane
 * holds about as many needs. Fewer places than lanes - 1 when the pool is smaller than the lanes (no empty
 * lane).
 */
export function laneCutPlaces(needs: number, lanes: number): number[] {
  const places: number[] = [];
  for (let k = 1; k < lanes; k++) {
    const place = Math.floor((needs * k) / lanes);
    if (place > 0 && place < needs && place !== places[places.length - 1]) places.push(place);
  }
  return places;
}

/** The lanes between these cuts (the ids at laneCutPlaces, in id order). */
export function lanesBetween(cuts: readonly string[]): PoolLane[] {
  const bounds = [null, ...cuts, null];
  return bounds.slice(1).map((to, i) => ({ from: bounds[i]!, to }));
}
