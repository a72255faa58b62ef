/** Who may call palermo. One source: the JWT claims, the API's scopes and the lifecycle rules all use it. */
export const ROLES = [
  'STATE_FOCAL_POINT',
  'PROGRAMME_MANAGER',
  'EVALUATOR',
  'EXPERT',
  'DONOR',
  'CONFERENCE_ADMIN',
] as const;

export type Role = (typeof ROLES)[number];

/**
 * An authenticated caller. `stateCode` is the scope of a State focal point (ISO 3166 alpha-3);
 * `organisation` names the donor or provider a DONOR acts for (token claim `org`).
 */
export interface Actor {
  subject: string;
  role: Role;
  stateCode?: string;
  organisation?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who a project concerns, beyond the Secretariat: its States, its evaluator, its funders; and its stage. */
export interface ProjectAudience {
  stateCodes: readonly string[];
  evaluator?: string | null;
  /** The other members of the evaluation panel: they see the project as its lead evaluator does. */
  panel?: readonly string[];
  /** Organisations that pledged to the project (each pledge's `donor`). */
  funders?: readonly string[];
  stage?: string;
}

/** A donor sees the projects open for funding, to decide whether to pledge. */
export const OPEN_FOR_FUNDING = 'AWAITING_FUNDING';

/** Has the caller's organisation pledged to the project? */
export function isFunder(actor: Actor, audience: ProjectAudience): boolean {
  return actor.role === 'DONOR' && !!actor.organisation && (audience.funders ?? []).includes(actor.organisation);
}

/** May this caller see the project? Outside this, the project answers as not found. */
export function maySeeProject(actor: Actor, audience: ProjectAudience): boolean {
  switch (actor.role) {
    case 'PROGRAMME_MANAGER':
    case 'CONFERENCE_ADMIN':
      return true;
    case 'STATE_FOCAL_POINT':
      return actor.stateCode !== undefined && audience.stateCodes.includes(actor.stateCode);
    case 'EVALUATOR':
      return audience.evaluator === actor.subject || (audience.panel ?? []).includes(actor.subject);
    case 'DONOR':
      return !!actor.organisation && (audience.stage === OPEN_FOR_FUNDING || isFunder(actor, audience));
    default:
      // Experts see their invitations, not projects.
      return false;
  }
}

/**
 * In a project of several States, is a part belonging to `partState` the caller's to see? Shared parts
 * (no State) are; a State's part is its own focal point's, and everyone else's who sees the project.
 */
export function maySeeStatePart(actor: Actor, partState: string | null | undefined): boolean {
  if (actor.role !== 'STATE_FOCAL_POINT') return true;
  return partState === null || partState === undefined || partState === actor.stateCode;
}
