// The navigation links of the web-roles pages, per role (added after each role's existing links).
import type { MessageKey } from '../i18n';
import type { Session } from '../session';

export function roleLinks(session: Session | null): [string, MessageKey][] {
  switch (session?.role) {
    case 'STATE_FOCAL_POINT':
      return [['/state-needs', 'roles.nav.stateNeeds'], ['/nominate', 'roles.nav.nominate']];
    case 'DONOR':
      return [['/funding', 'roles.nav.funding'], ['/portfolio', 'roles.nav.portfolio'], ['/reports', 'roles.nav.reports']];
    case 'EXPERT':
      return [['/profile', 'roles.nav.profile']];
    case 'CONFERENCE_ADMIN':
      return [['/snapshots', 'roles.nav.snapshots'], ['/reports', 'roles.nav.reports']];
    case 'PROGRAMME_MANAGER':
      return [['/reports', 'roles.nav.reports']];
    default:
      return [];
  }
}
