/** Percentile of a sample (nearest rank), in the sample's unit. */
export function percentile(sample: readonly number[], p: number): number {
  if (sample.length === 0) return NaN;
  const sorted = [...sample].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` at once. */
export async function pool(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/**
 * Measures every side once per round, one after the other, the order reversed every other round (so no
 * side always runs first on a warmer or busier machine); `onRound` prints each round as it ends.
 */
export async function alternatingRounds<S extends string, F>(sides: readonly S[], rounds: number, measure: (side: S) => Promise<F>, onRound: (round: number, figures: Record<S, F>) => void): Promise<Record<S, F>[]> {
  const all: Record<S, F>[] = [];
  for (let r = 0; r < rounds; r++) {
    const figures = {} as Record<S, F>;
    for (const side of r % 2 ? [...sides].reverse() : sides) figures[side] = await measure(side);
    all.push(figures);
    onRound(r + 1, figures);
  }
  return all;
}
