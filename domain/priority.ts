// The priority of an open need, with its explanation as named parts (domain.md 2.2 stage 2, R2, R4, R5,
// R8). One pure function: the re-prioritisation workflow's activity, the API and the tests call it.
import type { UrgencyCode } from './code-lists/index.js';

export type NeedVerdict = 'MET' | 'PARTLY_MET' | 'UNMET';

export interface PriorityInput {
  priorityArea: string;
  /** The instrument (UNTOC or a Protocol) the need concerns; weighed when the decision in force names it. */
  instrument?: string;
  urgency: UrgencyCode;
  /** When the need was identified (ISO date-time). */
  identifiedAt: string;
  /** The latest evaluation's verdict on this need, if one judged it. */
  verdict: NeedVerdict | null;
  /** Its State is among those that could not report. */
  stateCouldNotReport: boolean;
  /** The State's own ranking of its open needs (1 = most important), if it gave one (R2). */
  stateRank: number | null;
  /** R15: help to ratify (activity (c) or PRE_RATIFICATION): its State is not yet a party to the instrument. */
  ratification?: boolean;
}

/** The Conference's weight of each priority area, 0-3 (1 = neutral), as of a decision. */
export type PriorityWeights = Record<string, number>;
/**
 * The Conference's weight of each instrument (UNTOC, TIP, SOM, FA, ...), 0-3 (1 = neutral), set by the
 * same decision: its decisions stress particular Protocols across priority areas (000 para 61: "especially
 * Migrants and Firearms").
 */
export type InstrumentWeights = Record<string, number>;

/** What started a re-prioritisation run: the daily Temporal Schedule or a manager's reprioritiseNow. */
export const SNAPSHOT_TRIGGERS = ['SCHEDULE', 'ON_DEMAND'] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

export const DEFAULT_WEIGHT = 1;

export const PRIORITY_PART_NAMES = ['CONFERENCE_WEIGHT', 'INSTRUMENT_WEIGHT', 'URGENCY', 'TIME_WAITING', 'FOUND_UNMET', 'COULD_NOT_REPORT', 'STATE_RANKING', 'RATIFICATION_FIRST'] as const;
export type PriorityPartName = (typeof PRIORITY_PART_NAMES)[number];

export interface PriorityPart {
  name: PriorityPartName;
  points: number;
  reason: string;
}

export interface Priority {
  score: number;
  parts: PriorityPart[];
}

const URGENCY_POINTS: Record<UrgencyCode, number> = { LOW: 0, MEDIUM: 10, HIGH: 20, CRITICAL: 35 };
const VERDICT_POINTS: Record<NeedVerdict, number> = { UNMET: 15, PARTLY_MET: 8, MET: 0 };
const STATE_RANK_POINTS = [10, 5, 2];
const AREA_POINTS = 30;
/** Points per unit of instrument weight away from neutral: 2 adds 15, 0 takes 15 away, 1 (or unnamed) adds none. */
const INSTRUMENT_POINTS = 15;
const WAITING_POINTS_PER_MONTH = 1;
const WAITING_POINTS_MAX = 20;
const DAY_MS = 86_400_000;
/** R15: as much as the highest Conference weight (3) adds over a neutral one, so ratification help leads the pool. */
export const RATIFICATION_POINTS = 60;

const round = (n: number) => Math.round(n * 10) / 10;

function monthsWaiting(identifiedAt: string, now: Date): number {
  return Math.max(0, (now.getTime() - new Date(identifiedAt).getTime()) / DAY_MS / 30.44);
}

function waitingPoints(months: number): number {
  return round(Math.min(WAITING_POINTS_MAX, months * WAITING_POINTS_PER_MONTH));
}

export function computePriority(need: PriorityInput, weights: PriorityWeights, now: Date, instrumentWeights: InstrumentWeights = {}): Priority {
  const weight = weights[need.priorityArea] ?? DEFAULT_WEIGHT;
  // The instrument's weight is a part of its own beside the area's, so a decision stressing a Protocol
  // moves that Protocol's needs in every area and the explanation says which weight did what.
  const instrumentWeight = need.instrument === undefined ? undefined : instrumentWeights[need.instrument];
  const months = monthsWaiting(need.identifiedAt, now);
  const parts: PriorityPart[] = [
    { name: 'CONFERENCE_WEIGHT', points: round(AREA_POINTS * weight), reason: `the Conference weighs ${need.priorityArea} at ${weight}` },
    ...(instrumentWeight !== undefined && instrumentWeight !== DEFAULT_WEIGHT
      ? [{ name: 'INSTRUMENT_WEIGHT' as const, points: round(INSTRUMENT_POINTS * (instrumentWeight - DEFAULT_WEIGHT)), reason: `the Conference weighs ${need.instrument} at ${instrumentWeight}` }]
      : []),
    { name: 'URGENCY', points: URGENCY_POINTS[need.urgency], reason: `urgency ${need.urgency}` },
    { name: 'TIME_WAITING', points: waitingPoints(months), reason: `waiting ${Math.floor(months)} month(s)` },
  ];
  if (need.verdict && VERDICT_POINTS[need.verdict] > 0) {
    parts.push({ name: 'FOUND_UNMET', points: VERDICT_POINTS[need.verdict], reason: `an evaluation found it ${need.verdict === 'UNMET' ? 'unmet' : 'partly met'}` });
  }
  if (need.stateCouldNotReport) parts.push({ name: 'COULD_NOT_REPORT', points: 10, reason: 'its State is among those that could not report (000 fn 5)' });
  const rankPoints = need.stateRank ? (STATE_RANK_POINTS[need.stateRank - 1] ?? 0) : 0;
  if (rankPoints > 0) parts.push({ name: 'STATE_RANKING', points: rankPoints, reason: `its State ranks it number ${need.stateRank} of its needs (R2)` });
  if (need.ratification) parts.push({ name: 'RATIFICATION_FIRST', points: RATIFICATION_POINTS, reason: 'help to ratify: universal ratification comes first (R15, 003 para 3)' });
  return { score: round(parts.reduce((sum, p) => sum + p.points, 0)), parts };
}

/**
 * Ranks needs by score (highest first); ties go to the longer-waiting need, then to the id in code-point
 * order (not the locale's), the order PostgreSQL's COLLATE "C" gives when a paged run ranks in SQL.
 */
export function rankNeeds<T extends { id: string; identifiedAt: string; priority: Priority }>(needs: readonly T[]): (T & { rank: number })[] {
  const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...needs]
    .sort((a, b) => b.priority.score - a.priority.score || a.identifiedAt.localeCompare(b.identifiedAt) || byCodePoint(a.id, b.id))
    .map((need, i) => ({ ...need, rank: i + 1 }));
}

const AWAITING_ASSISTANCE = ['SUBMITTED', 'UNDER_ASSESSMENT', 'AWAITING_INFORMATION', 'PLANNING', 'AWAITING_FUNDING'];

/**
 * Is a need in the pool? Yes while nobody serves it yet (no project, or its project has not reached
 * delivery), and again once an evaluation found it unmet or partly met (the closed loop).
 */
export function isOpenNeed(projectStage: string | null, verdict: NeedVerdict | null): boolean {
  if (projectStage === null) return true;
  if (AWAITING_ASSISTANCE.includes(projectStage)) return true;
  return (projectStage === 'REPRIORITISATION' || projectStage === 'CLOSED') && (verdict === 'UNMET' || verdict === 'PARTLY_MET');
}

export interface PoolNeed {
  id: string;
  stateCode: string;
  priorityArea: string;
  instrument?: string;
  urgency: UrgencyCode;
  identifiedAt: string;
  stateRank: number | null;
  projectStage: string | null;
  verdict: NeedVerdict | null;
  /** A presumed need (R8) its State has not yet confirmed is shown apart, not ranked (R1). */
  awaitingConfirmation: boolean;
  /** A duplicate merged into another need has left the pool. */
  mergedInto: string | null;
  /** A presumed need withdrawn because its State reported (R8) has left the pool. */
  withdrawn?: boolean;
  /** R15: help to ratify. */
  ratification?: boolean;
}

/** The open needs of the pool, each with its priority, ranked. */
export function prioritisePool<N extends PoolNeed>(
  needs: readonly N[],
  weights: PriorityWeights,
  couldNotReport: readonly string[],
  now: Date,
  instrumentWeights: InstrumentWeights = {},
): (N & { priority: Priority; rank: number })[] {
  return rankNeeds(prioritiseOpenNeeds(needs, weights, couldNotReport, now, instrumentWeights));
}

/**
 * The open needs among these, each with its priority, in the order given (not ranked): for a part of
 * the pool whose ranking is made elsewhere (a re-prioritisation page; PostgreSQL ranks the whole run).
 */
export function prioritiseOpenNeeds<N extends PoolNeed>(
  needs: readonly N[],
  weights: PriorityWeights,
  couldNotReport: readonly string[],
  now: Date,
  instrumentWeights: InstrumentWeights = {},
): (N & { priority: Priority })[] {
  return openNeedPriorities(needs, weights, couldNotReport, now, instrumentWeights).map(({ need, priority }) => ({ ...need, priority }));
}

/**
 * prioritiseOpenNeeds without copying the needs: each open need beside its priority (a copy of a need with
 * one more field took V8 longer than computing its priority). Needs alike in everything computePriority
 * reads (the months waiting only as far as its points and its reason tell them apart) share one priority,
 * computed once and frozen: a page of 10,000 needs holds a few hundred distinct ones.
 */
export function openNeedPriorities<N extends PoolNeed>(
  needs: readonly N[],
  weights: PriorityWeights,
  couldNotReport: readonly string[],
  now: Date,
  instrumentWeights: InstrumentWeights = {},
): { need: N; priority: Priority }[] {
  const alike = new Map<string, Priority>();
  const open: { need: N; priority: Priority }[] = [];
  for (const n of needs) {
    if (!isOpenNeed(n.projectStage, n.verdict) || n.mergedInto || n.awaitingConfirmation || n.withdrawn) continue;
    const stateCouldNotReport = couldNotReport.includes(n.stateCode);
    const months = monthsWaiting(n.identifiedAt, now);
    const key = `${n.priorityArea}\u0000${n.instrument ?? '\u0001'}\u0000${n.urgency}\u0000${n.verdict}\u0000${stateCouldNotReport}\u0000${n.stateRank}\u0000${n.ratification === true}\u0000${Math.floor(months)}\u0000${waitingPoints(months)}`;
    let priority = alike.get(key);
    if (priority === undefined) {
      const input: PriorityInput = { priorityArea: n.priorityArea, ...(n.instrument === undefined ? {} : { instrument: n.instrument }), urgency: n.urgency, identifiedAt: n.identifiedAt, verdict: n.verdict, stateCouldNotReport, stateRank: n.stateRank, ratification: n.ratification };
      alike.set(key, (priority = frozen(computePriority(input, weights, now, instrumentWeights))));
    }
    open.push({ need: n, priority });
  }
  return open;
}

/** A priority shared by several needs cannot be changed through one of them. */
function frozen(priority: Priority): Priority {
  for (const part of priority.parts) Object.freeze(part);
  Object.freeze(priority.parts);
  return Object.freeze(priority);
}

export interface WeightVersion {
  id: number;
  /** The day the decision took effect (YYYY-MM-DD). */
  decidedOn: string;
}

/**
 * The weight set in force at `at`: the one whose decision took effect latest on or before that day; of
 * two decided the same day, the one recorded last. A decision recorded ahead of its date is not yet in
 * force. null when none is (every area and instrument then weighs 1).
 */
export function weightVersionInForce<V extends WeightVersion>(versions: readonly V[], at: Date): V | null {
  const day = at.toISOString().slice(0, 10);
  let best: V | null = null;
  for (const v of versions) {
    if (v.decidedOn > day) continue;
    if (!best || v.decidedOn > best.decidedOn || (v.decidedOn === best.decidedOn && v.id > best.id)) best = v;
  }
  return best;
}
