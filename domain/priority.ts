// The priority of an open need, with its explanation as named parts (domain.md 2.2 stage 2, R2, R4, R5,
// R8). One pure function: the re-prioritisation workflow's activity, the API and the tests call it.
import type { UrgencyCode } from './code-lists/index.js';

export type NeedVerdict = 'MET' | 'PARTLY_MET' | 'UNMET';

export interface PriorityInput {
  priorityArea: string;
  urgency: UrgencyCode;
  /** When the need was identified (ISO date-time). */
  identifiedAt: string;
  /** The latest evaluation's verdict on this need, if one judged it. */
  verdict: NeedVerdict | null;
  /** Its State is among those that could not report. */
  stateCouldNotReport: boolean;
  /** The State's own ranking of its open needs (1 = most important), if it gave one (R2). */
  stateRank: number | null;
}

/** The Conference's weight of each priority area, 0-3 (1 = neutral), as of a decision. */
export type PriorityWeights = Record<string, number>;

/** What started a re-prioritisation run: the daily Temporal Schedule or a manager's reprioritiseNow. */
export const SNAPSHOT_TRIGGERS = ['SCHEDULE', 'ON_DEMAND'] as const;
export type SnapshotTrigger = (typeof SNAPSHOT_TRIGGERS)[number];

export const DEFAULT_WEIGHT = 1;

export const PRIORITY_PART_NAMES = ['CONFERENCE_WEIGHT', 'URGENCY', 'TIME_WAITING', 'FOUND_UNMET', 'COULD_NOT_REPORT', 'STATE_RANKING'] as const;
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
const WAITING_POINTS_PER_MONTH = 1;
const WAITING_POINTS_MAX = 20;
const DAY_MS = 86_400_000;

const round = (n: number) => Math.round(n * 10) / 10;

export function computePriority(need: PriorityInput, weights: PriorityWeights, now: Date): Priority {
  const weight = weights[need.priorityArea] ?? DEFAULT_WEIGHT;
  const months = Math.max(0, (now.getTime() - new Date(need.identifiedAt).getTime()) / DAY_MS / 30.44);
  const parts: PriorityPart[] = [
    { name: 'CONFERENCE_WEIGHT', points: round(AREA_POINTS * weight), reason: `the Conference weighs ${need.priorityArea} at ${weight}` },
    { name: 'URGENCY', points: URGENCY_POINTS[need.urgency], reason: `urgency ${need.urgency}` },
    { name: 'TIME_WAITING', points: round(Math.min(WAITING_POINTS_MAX, months * WAITING_POINTS_PER_MONTH)), reason: `waiting ${Math.floor(months)} month(s)` },
  ];
  if (need.verdict && VERDICT_POINTS[need.verdict] > 0) {
    parts.push({ name: 'FOUND_UNMET', points: VERDICT_POINTS[need.verdict], reason: `an evaluation found it ${need.verdict === 'UNMET' ? 'unmet' : 'partly met'}` });
  }
  if (need.stateCouldNotReport) parts.push({ name: 'COULD_NOT_REPORT', points: 10, reason: 'its State is among those that could not report (000 fn 5)' });
  const rankPoints = need.stateRank ? (STATE_RANK_POINTS[need.stateRank - 1] ?? 0) : 0;
  if (rankPoints > 0) parts.push({ name: 'STATE_RANKING', points: rankPoints, reason: `its State ranks it number ${need.stateRank} of its needs (R2)` });
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
  urgency: UrgencyCode;
  identifiedAt: string;
  stateRank: number | null;
  projectStage: string | null;
  verdict: NeedVerdict | null;
  /** A presumed need (R8) its State has not yet confirmed is shown apart, not ranked (R1). */
  awaitingConfirmation: boolean;
  /** A duplicate merged into another need has left the pool. */
  mergedInto: string | null;
}

/** The open needs of the pool, each with its priority, ranked. */
export function prioritisePool<N extends PoolNeed>(
  needs: readonly N[],
  weights: PriorityWeights,
  couldNotReport: readonly string[],
  now: Date,
): (N & { priority: Priority; rank: number })[] {
  const open = needs
    .filter((n) => isOpenNeed(n.projectStage, n.verdict) && !n.mergedInto && !n.awaitingConfirmation)
    .map((n) => ({
      ...n,
      priority: computePriority(
        { priorityArea: n.priorityArea, urgency: n.urgency, identifiedAt: n.identifiedAt, verdict: n.verdict, stateCouldNotReport: couldNotReport.includes(n.stateCode), stateRank: n.stateRank },
        weights,
        now,
      ),
    }));
  return rankNeeds(open);
}
