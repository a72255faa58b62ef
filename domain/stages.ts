/** Lifecycle stages of a technical-assistance project (DESIGN.md "The lifecycle"). */
export const STAGES = [
  'SUBMITTED',
  'UNDER_ASSESSMENT',
  'AWAITING_INFORMATION',
  'PLANNING',
  'AWAITING_FUNDING',
  'IN_DELIVERY',
  'SUSPENDED',
  'UNDER_EVALUATION',
  'REPRIORITISATION',
  'CLOSED',
  'DECLINED',
  'MERGED',
  'CANCELLED',
] as const;

export type Stage = (typeof STAGES)[number];

/** IATI activity-status codes (1 Pipeline/identification … 6 Suspended). */
export const IATI_ACTIVITY_STATUSES = [
  { code: 1, name: 'Pipeline/identification' },
  { code: 2, name: 'Implementation' },
  { code: 3, name: 'Finalisation' },
  { code: 4, name: 'Closed' },
  { code: 5, name: 'Cancelled' },
  { code: 6, name: 'Suspended' },
] as const;

export type IatiActivityStatus = (typeof IATI_ACTIVITY_STATUSES)[number]['code'];

const IATI_BY_STAGE: Record<Stage, IatiActivityStatus> = {
  SUBMITTED: 1,
  UNDER_ASSESSMENT: 1,
  AWAITING_INFORMATION: 1,
  PLANNING: 1,
  AWAITING_FUNDING: 1,
  IN_DELIVERY: 2,
  SUSPENDED: 6,
  UNDER_EVALUATION: 3,
  REPRIORITISATION: 3,
  CLOSED: 4,
  DECLINED: 5,
  MERGED: 5,
  CANCELLED: 5,
};

export function iatiActivityStatus(stage: Stage): IatiActivityStatus {
  return IATI_BY_STAGE[stage];
}

const FINAL_STAGES: readonly Stage[] = ['CLOSED', 'DECLINED', 'MERGED', 'CANCELLED'];

/** A final stage ends the project's workflow; every other stage is open. */
export function isFinalStage(stage: Stage): boolean {
  return FINAL_STAGES.includes(stage);
}
