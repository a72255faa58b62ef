// OpenID Connect sign-in for a real deployment: the authorization code flow with PKCE (RFC 7636, S256)
// run by the browser against the provider the API names at GET /auth/config, as a public client.
// The verifier, state and nonce live in sessionStorage only between leaving for the provider and coming
// back to /auth/callback. The access token (for the API's resource) is kept like the demo token, in
// sessionStorage; the API verifies it on every call, and tells us who we are (`me`, with its claim mapping).
import type { Role } from '../../domain/roles';
import { saveOidcSession, type Session } from './session';

export type AuthConfig =
  | { mode: 'demo' }
  | { mode: 'none' }
  | { mode: 'oidc'; issuer: string; clientId: string; redirectUri: string; scope: string; resource: string };

const PENDING = 'palermo.oidc.pending';
const TIMEOUT_MS = 10_000;

interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  issuer: string;
  clientId: string;
  redirectUri: string;
  resource: string;
  tokenEndpoint: string;
}

export async function authConfig(): Promise<AuthConfig> {
  const response = await fetch('/auth/config', { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`/auth/config: HTTP ${response.status}`);
  return (await response.json()) as AuthConfig;
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = (size = 32) => base64url(crypto.getRandomValues(new Uint8Array(size)));

/** The S256 code challenge of a verifier: BASE64URL(SHA-256(verifier)). */
export async function codeChallenge(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

async function discover(issuer: string): Promise<{ authorization_endpoint: string; token_endpoint: string; code_challenge_methods_supported?: string[] }> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`discovery at ${url}: HTTP ${response.status}`);
  const doc = (await response.json()) as { issuer?: string; authorization_endpoint?: string; token_endpoint?: string; code_challenge_methods_supported?: string[] };
  // OpenID Connect Discovery 4.3: the document must name the issuer we asked.
  if (doc.issuer !== issuer) throw new Error(`discovery at ${url} names the issuer "${doc.issuer}", not "${issuer}"`);
  if (!doc.authorization_endpoint || !doc.token_endpoint) throw new Error(`discovery at ${url} gives no authorization or token endpoint`);
  if (doc.code_challenge_methods_supported && !doc.code_challenge_methods_supported.includes('S256')) throw new Error('the provider does not support PKCE with S256');
  return { authorization_endpoint: doc.authorization_endpoint, token_endpoint: doc.token_endpoint };
}

/** Leaves for the provider's authorization endpoint (the page is replaced). */
export async function beginOidcSignIn(config: Extract<AuthConfig, { mode: 'oidc' }>): Promise<void> {
  const endpoints = await discover(config.issuer);
  const pending: Pending = { state: random(), nonce: random(), verifier: random(48), issuer: config.issuer, clientId: config.clientId, redirectUri: config.redirectUri, resource: config.resource, tokenEndpoint: endpoints.token_endpoint };
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(endpoints.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    resource: config.resource,
  }).toString();
  window.location.assign(url.href);
}

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(decodeURIComponent(escape(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))))) as Record<string, unknown>;
}

/**
 * Back at /auth/callback: checks the state (and the issuer, RFC 9207), exchanges the code with the
 * verifier, checks the ID token's nonce and asks the API who the token names. The ID token came straight
 * from the token endpoint over the connection we opened, so its signature is not checked here (OpenID
 * Connect Core 3.1.3.7); the access token is verified by the API on every call.
 */
export async function completeOidcSignIn(location: URL): Promise<Session> {
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING); // one use only, whatever happens
  const params = location.searchParams;
  if (params.get('error')) throw new Error(`${params.get('error')}: ${params.get('error_description') ?? ''}`.trim());
  if (!raw) throw new Error('no sign-in was started from this tab');
  const pending = JSON.parse(raw) as Pending;
  if (params.get('state') !== pending.state) throw new Error('the answer does not match the sign-in this tab started (state)');
  if (params.has('iss') && params.get('iss') !== pending.issuer) throw new Error(`the answer comes from "${params.get('iss')}", not "${pending.issuer}"`);
  const code = params.get('code');
  if (!code) throw new Error('the provider sent no authorization code');

  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, client_id: pending.clientId, code_verifier: pending.verifier, resource: pending.resource }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const tokens = (await response.json()) as { access_token?: string; id_token?: string; error?: string; error_description?: string };
  if (!response.ok || !tokens.access_token) throw new Error(`token endpoint: ${tokens.error ?? `HTTP ${response.status}`} ${tokens.error_description ?? ''}`.trim());
  if (tokens.id_token && claimsOf(tokens.id_token).nonce !== pending.nonce) throw new Error('the ID token does not carry this sign-in\'s nonce');

  const me = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.access_token}` },
    body: JSON.stringify({ query: '{ me { subject role state organisation } }' }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const body = (await me.json()) as { data?: { me: { subject: string; role: Role; state: string | null; organisation: string | null } }; errors?: { message: string }[] };
  if (!body.data?.me) throw new Error(body.errors?.[0]?.message ?? `the API answered HTTP ${me.status}`);
  const exp = claimsOf(tokens.access_token).exp;
  return saveOidcSession({ token: tokens.access_token, ...body.data.me }, typeof exp === 'number' ? exp : null);
}
