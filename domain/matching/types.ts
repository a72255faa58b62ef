// What matching reads: experts as the roster holds them and the need (or project) they are matched to.
import type { ExpertProfile } from '../roster-inputs.js';

export const EXPERT_STATUSES = ['NOMINATED', 'ACTIVE', 'SUSPENDED', 'RETIRED'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

/** What an expert's history row records (who nominated, accepted, edited, decided, delivered). */
export const EXPERT_ACTIONS = ['NOMINATE', 'ACCEPT', 'UPDATE_PROFILE', 'SUSPEND', 'REINSTATE', 'RETIRE', 'RECORD_DELIVERY'] as const;
export type ExpertAction = (typeof EXPERT_ACTIONS)[number];

export interface RosterExpert {
  id: string;
  name: string;
  nationality: string;
  status: ExpertStatus;
  profile: ExpertProfile;
  /** Ratings (1-4, DAC scale: 4 = highly satisfactory) of the deliveries the expert took part in. */
  pastOutcomes: readonly number[];
  /** Assignments the expert holds now. */
  workload: number;
}

/** What a slot asks for: derived from a need, or set by the manager. */
export interface MatchTarget {
  stateCode: string;
  projectId?: string;
  fields: readonly string[];
  instrument: string;
  article?: string | null;
  /** The delivery window; without one, availability is not checked. */
  window?: { from: string; to: string };
  /** ISO 639-1 languages the work is done in, when the manager names them; else the State's working languages. */
  languages?: readonly string[];
  /** Organisations taking part in the delivery, checked against declared conflicts. */
  organisations?: readonly string[];
}

export const SCORE_PART_NAMES = ['FIELD', 'INSTRUMENT', 'LANGUAGE', 'REGION', 'PAST_OUTCOMES', 'WORKLOAD'] as const;
export type ScorePartName = (typeof SCORE_PART_NAMES)[number];

export interface ScorePart {
  name: ScorePartName;
  points: number;
  reason: string;
}

export const EXCLUSION_RULES = ['SUSPENDED', 'NO_SHARED_LANGUAGE', 'UNAVAILABLE', 'CONFLICT_OF_INTEREST'] as const;
export type ExclusionRule = (typeof EXCLUSION_RULES)[number];
export interface Exclusion {
  rule: ExclusionRule;
  reason: string;
}
