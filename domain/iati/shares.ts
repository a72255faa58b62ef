// Percentages that IATI requires to sum to exactly 100 (sectors of one vocabulary; recipient countries
// and regions together). Pure: weights in, two-decimal percentages out.

/**
 * Splits 100 among the keys in proportion to their weights, to two decimals, by largest remainder, so
 * the parts always add up to exactly 100.00 (plain rounding can give 99.99 or 100.01).
 */
export function percentageShares<K extends string>(weights: ReadonlyMap<K, number>): Map<K, string> {
  const entries = [...weights.entries()].filter(([, w]) => w > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  const out = new Map<K, string>();
  if (total === 0) return out;
  // Work in hundredths of a percent: 10,000 units to hand out.
  const exact = entries.map(([k, w]) => ({ k, units: (w / total) * 10_000 }));
  const floors = exact.map((e) => ({ k: e.k, units: Math.floor(e.units), rest: e.units - Math.floor(e.units) }));
  let left = 10_000 - floors.reduce((s, e) => s + e.units, 0);
  const order = [...floors].sort((a, b) => b.rest - a.rest || (a.k < b.k ? -1 : 1));
  for (const e of order) {
    if (left <= 0) break;
    e.units += 1;
    left -= 1;
  }
  for (const e of floors) out.set(e.k, (e.units / 100).toFixed(2));
  return out;
}
