// What matching reads: experts as the roster holds them and the need (or project) they are matched to.
import type { ExpertProfile } from '../roster-inputs.js';

export const EXPERT_STATUSES = ['NOMINATED', 'ACTIVE', 'SUSPENDED', 'RETIRED'] as const;
export type ExpertStatus = (typeof EXPERT_STATUSES)[number];

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

export interface ScorePart {
  name: 'FIELD' | 'INSTRUMENT' | 'LANGUAGE' | 'REGION' | 'PAST_OUTCOMES' | 'WORKLOAD';
  points: number;
  reason: string;
}

export type ExclusionRule = 'SUSPENDED' | 'NO_SHARED_LANGUAGE' | 'UNAVAILABLE' | 'CONFLICT_OF_INTEREST';
export interface Exclusion {
  rule: ExclusionRule;
  reason: string;
}
