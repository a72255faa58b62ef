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

/** An authenticated caller. `stateCode` is the scope of a State focal point (ISO 3166 alpha-3). */
export interface Actor {
  subject: string;
  role: Role;
  stateCode?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** May this caller see a project whose beneficiary States are `stateCodes`? */
export function maySeeProject(actor: Actor, stateCodes: readonly string[]): boolean {
  switch (actor.role) {
    case 'PROGRAMME_MANAGER':
    case 'CONFERENCE_ADMIN':
      return true;
    case 'STATE_FOCAL_POINT':
      return actor.stateCode !== undefined && stateCodes.includes(actor.stateCode);
    default:
      // Evaluators, experts and donors see projects through assignments and pledges (later issues).
      return false;
  }
}
