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

/** Who a project concerns, beyond the Secretariat: its States, its evaluator, its funders. */
export interface ProjectAudience {
  stateCodes: readonly string[];
  evaluator?: string | null;
  pledgers?: readonly string[];
}

/** May this caller see the project? */
export function maySeeProject(actor: Actor, audience: ProjectAudience): boolean {
  switch (actor.role) {
    case 'PROGRAMME_MANAGER':
    case 'CONFERENCE_ADMIN':
      return true;
    case 'STATE_FOCAL_POINT':
      return actor.stateCode !== undefined && audience.stateCodes.includes(actor.stateCode);
    case 'EVALUATOR':
      return audience.evaluator === actor.subject;
    case 'DONOR':
      return audience.pledgers?.includes(actor.subject) ?? false;
    default:
      // Experts see their invitations, not projects.
      return false;
  }
}
