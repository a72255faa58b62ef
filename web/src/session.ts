// Who is signed in: the bearer token, kept in sessionStorage (gone when the tab closes), and the
// claims the pages need to choose what to show. The API re-checks every claim on every call.
import type { Role } from '../../domain/roles';

export interface Session {
  token: string;
  subject: string;
  role: Role;
  state: string | null;
  organisation: string | null;
}

const KEY = 'palermo.session';

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
}

export function sessionFromToken(token: string): Session {
  const claims = claimsOf(token);
  return {
    token,
    subject: String(claims.sub ?? ''),
    role: claims.role as Role,
    state: typeof claims.state === 'string' ? claims.state : null,
    organisation: typeof claims.org === 'string' ? claims.org : null,
  };
}

export function loadSession(): Session | null {
  const oidc = loadOidcSession();
  if (oidc) return oidc;
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  try {
    const session = sessionFromToken(token);
    const exp = claimsOf(token).exp;
    if (typeof exp === 'number' && exp * 1000 < Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function saveSession(token: string): Session {
  sessionStorage.setItem(KEY, token);
  return sessionFromToken(token);
}

export function clearSession() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(OIDC_KEY);
}

// A token from the organisation's OpenID Connect provider names its role in the provider's own claims:
// the session keeps the actor the API mapped them to (`me`), with the token's expiry (oidc.ts).
const OIDC_KEY = 'palermo.oidc.session';

export function saveOidcSession(session: Session, exp: number | null): Session {
  sessionStorage.setItem(OIDC_KEY, JSON.stringify({ session, exp }));
  return session;
}

function loadOidcSession(): Session | null {
  const raw = sessionStorage.getItem(OIDC_KEY);
  if (!raw) return null;
  try {
    const { session, exp } = JSON.parse(raw) as { session: Session; exp: number | null };
    return exp !== null && exp * 1000 < Date.now() ? null : session;
  } catch {
    return null;
  }
}

export interface DemoIdentity {
  id: string;
  role: Role;
  state: string | null;
  organisation: string | null;
}

/**
 * The demo identities the embedded default offers, or null when demo sign-in is off (a real
 * deployment, which signs in through OpenID Connect instead: oidc.ts).
 */
export async function demoIdentities(): Promise<DemoIdentity[] | null> {
  const response = await fetch('/demo/identities', { signal: AbortSignal.timeout(10_000) });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`demo identities: HTTP ${response.status}`);
  return ((await response.json()) as { identities: DemoIdentity[] }).identities;
}

export async function demoSignIn(identity: string): Promise<Session> {
  const response = await fetch('/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity }),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`demo sign-in: HTTP ${response.status}`);
  return saveSession(((await response.json()) as { token: string }).token);
}
