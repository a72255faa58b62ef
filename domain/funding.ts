// R4: priorities should drive money. Compares the Conference's weights of the priority areas with how
// donors earmark their pledges, and flags the gap for the Conference (002 para 38).
import { PRIORITY_AREAS } from './code-lists/index.js';
import { DEFAULT_WEIGHT, type PriorityWeights } from './priority.js';

/** R4's flags: a Conference priority donors under-fund, or an area earmarks favour beyond its weight. */
export const EARMARK_FLAGS = ['UNDERFUNDED_PRIORITY', 'DONOR_DRIVEN'] as const;
export type EarmarkFlag = (typeof EARMARK_FLAGS)[number];

export interface EarmarkMismatch {
  priorityArea: string;
  /** Share of the total Conference weight, 0-1. */
  conferenceShare: number;
  /** Share of the money earmarked to a priority area, 0-1. */
  earmarkShare: number;
  flag: EarmarkFlag | null;
  explanation: string;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Flags an area whose earmarks are under half, or over twice, its share of the Conference's weight. */
export function earmarkMismatch(weights: PriorityWeights, earmarked: Record<string, number>): EarmarkMismatch[] {
  const weightOf = (area: string) => weights[area] ?? DEFAULT_WEIGHT;
  const totalWeight = PRIORITY_AREAS.reduce((sum, a) => sum + weightOf(a.code), 0);
  const totalEarmarked = Object.values(earmarked).reduce((sum, v) => sum + v, 0);
  return PRIORITY_AREAS.map(({ code }) => {
    const conferenceShare = totalWeight ? weightOf(code) / totalWeight : 0;
    const earmarkShare = totalEarmarked ? (earmarked[code] ?? 0) / totalEarmarked : 0;
    let flag: EarmarkMismatch['flag'] = null;
    if (totalEarmarked > 0 && conferenceShare > 0 && earmarkShare < conferenceShare / 2) flag = 'UNDERFUNDED_PRIORITY';
    else if (totalEarmarked > 0 && earmarkShare > conferenceShare * 2) flag = 'DONOR_DRIVEN';
    const pct = (n: number) => `${Math.round(n * 100)}%`;
    const explanation =
      flag === 'UNDERFUNDED_PRIORITY'
        ? `${code} has ${pct(conferenceShare)} of the Conference's weight but ${pct(earmarkShare)} of earmarked money`
        : flag === 'DONOR_DRIVEN'
          ? `${code} draws ${pct(earmarkShare)} of earmarked money against ${pct(conferenceShare)} of the Conference's weight`
          : `${code}: ${pct(earmarkShare)} of earmarks for ${pct(conferenceShare)} of the weight`;
    return { priorityArea: code, conferenceShare: round(conferenceShare), earmarkShare: round(earmarkShare), flag, explanation };
  });
}
