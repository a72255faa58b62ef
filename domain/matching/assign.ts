// Team assignment: every slot gets at most one expert, an expert takes at most `capacity` slots, and no
// home region fills more than `maxPerRegion` slots (R12 geographical balance, 000 para 46).
// The optimum is a min-cost max-flow (the Hungarian algorithm's generalisation to capacities and to the
// balance constraint, which a plain assignment matrix cannot express): fill as many slots as possible,
// then maximise the total score. `greedyTeam` is the naive choice, kept to show where it goes wrong.

export interface Candidate {
  expertId: string;
  score: number;
  capacity: number;
  homeRegion: string;
}
export interface Slot {
  id: string;
  /** Eligible experts for this slot with their scores (excluded experts are simply absent). */
  candidates: readonly Candidate[];
}
export interface Team {
  assignments: { slotId: string; expertId: string; score: number }[];
  unfilled: string[];
  total: number;
}

interface Edge { to: number; cap: number; cost: number; rev: number }

export function optimalTeam(slots: readonly Slot[], maxPerRegion: number = Infinity): Team {
  const experts = new Map<string, { node: number; candidate: Candidate }>();
  const regions = new Map<string, number>();
  const S = 0;
  let n = 1 + slots.length;
  for (const slot of slots) for (const c of slot.candidates) {
    if (!experts.has(c.expertId)) experts.set(c.expertId, { node: n++, candidate: c });
    if (!regions.has(c.homeRegion)) regions.set(c.homeRegion, n++);
  }
  const T = n++;
  const graph: Edge[][] = Array.from({ length: n }, () => []);
  const add = (u: number, v: number, cap: number, cost: number) => {
    graph[u]!.push({ to: v, cap, cost, rev: graph[v]!.length });
    graph[v]!.push({ to: u, cap: 0, cost: -cost, rev: graph[u]!.length - 1 });
  };
  // Scores are kept to one decimal; integer costs keep the shortest paths exact.
  slots.forEach((slot, i) => {
    add(S, 1 + i, 1, 0);
    for (const c of slot.candidates) add(1 + i, experts.get(c.expertId)!.node, 1, -Math.round(c.score * 10));
  });
  for (const { node, candidate } of experts.values()) add(node, regions.get(candidate.homeRegion)!, candidate.capacity, 0);
  const regionCap = Number.isFinite(maxPerRegion) ? maxPerRegion : slots.length;
  for (const node of regions.values()) add(node, T, regionCap, 0);

  // Successive shortest paths (Bellman-Ford queue: residual costs may be negative); one unit per path.
  for (;;) {
    const dist = new Array<number>(n).fill(Infinity);
    const prev = new Array<[number, number] | null>(n).fill(null);
    const inQueue = new Array<boolean>(n).fill(false);
    dist[S] = 0;
    const queue = [S];
    inQueue[S] = true;
    while (queue.length) {
      const u = queue.shift()!;
      inQueue[u] = false;
      graph[u]!.forEach((e, k) => {
        if (e.cap > 0 && dist[u]! + e.cost < dist[e.to]!) {
          dist[e.to] = dist[u]! + e.cost;
          prev[e.to] = [u, k];
          if (!inQueue[e.to]) { inQueue[e.to] = true; queue.push(e.to); }
        }
      });
    }
    if (dist[T] === Infinity) break;
    for (let v = T; v !== S; ) {
      const [u, k] = prev[v]!;
      const e = graph[u]![k]!;
      e.cap -= 1;
      graph[v]![e.rev]!.cap += 1;
      v = u;
    }
  }

  const byNode = new Map([...experts.values()].map((x) => [x.node, x.candidate.expertId]));
  const assignments: Team['assignments'] = [];
  const unfilled: string[] = [];
  slots.forEach((slot, i) => {
    const used = graph[1 + i]!.find((e) => byNode.has(e.to) && e.cap === 0);
    if (!used) return void unfilled.push(slot.id);
    const expertId = byNode.get(used.to)!;
    assignments.push({ slotId: slot.id, expertId, score: slot.candidates.find((c) => c.expertId === expertId)!.score });
  });
  return { assignments, unfilled, total: sumScores(assignments) };
}

/** Each slot in turn takes its best remaining expert: what a busy manager would do by hand. */
export function greedyTeam(slots: readonly Slot[], maxPerRegion: number = Infinity): Team {
  const used = new Map<string, number>();
  const perRegion = new Map<string, number>();
  const assignments: Team['assignments'] = [];
  const unfilled: string[] = [];
  for (const slot of slots) {
    const best = [...slot.candidates]
      .sort((a, b) => b.score - a.score)
      .find((c) => (used.get(c.expertId) ?? 0) < c.capacity && (perRegion.get(c.homeRegion) ?? 0) < maxPerRegion);
    if (!best) { unfilled.push(slot.id); continue; }
    used.set(best.expertId, (used.get(best.expertId) ?? 0) + 1);
    perRegion.set(best.homeRegion, (perRegion.get(best.homeRegion) ?? 0) + 1);
    assignments.push({ slotId: slot.id, expertId: best.expertId, score: best.score });
  }
  return { assignments, unfilled, total: sumScores(assignments) };
}

const sumScores = (a: readonly { score: number }[]) => Math.round(a.reduce((s, x) => s + x.score, 0) * 10) / 10;
