// How the web app signs people in, told at GET /auth/config (public: nothing in it is secret).
//  - {"mode":"demo"}: the embedded default's demo identities (PALERMO_DEMO_SIGN_IN=true, npm start);
//  - {"mode":"oidc", issuer, clientId, redirectUri, scope, resource}: the browser runs the authorization
//    code flow with PKCE (S256) against the provider whose tokens api/oidc.ts verifies; the client is a
//    public one (no secret), registered at the provider with exactly this redirect URI;
//  - {"mode":"none"}: neither is configured, so only API clients with their own tokens can call.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiDeps } from './context.js';
import { demoSignInEnabled } from './demo-sign-in.js';
import { isAcceptableProviderUrl } from './oidc.js';

export interface WebOidcSignIn {
  issuer: string;
  clientId: string;
  /** Where the provider sends the browser back: <this app's origin>/auth/callback. */
  redirectUri: string;
  /** `openid` plus whatever the provider needs for the API's access token. */
  scope: string;
  /** The API's resource indicator (RFC 8707): the audience its access tokens must name. */
  resource: string;
}

type Env = Record<string, string | undefined>;

/**
 * The web app's OpenID Connect client, when the API verifies OIDC tokens and PALERMO_OIDC_WEB_CLIENT_ID
 * and PALERMO_OIDC_WEB_REDIRECT_URI are set; problems are returned, not thrown, to be listed with the rest.
 */
export function webSignInFromEnv(env: Env, tokens: { kind: string; issuer?: string; audience?: string }): { config: WebOidcSignIn | null; problems: string[] } {
  const clientId = env.PALERMO_OIDC_WEB_CLIENT_ID?.trim() ?? '';
  const redirect = env.PALERMO_OIDC_WEB_REDIRECT_URI?.trim() ?? '';
  if (!clientId && !redirect) return { config: null, problems: [] };
  const problems: string[] = [];
  if (tokens.kind !== 'oidc') problems.push('PALERMO_OIDC_WEB_CLIENT_ID and PALERMO_OIDC_WEB_REDIRECT_URI need PALERMO_OIDC_ISSUER and PALERMO_OIDC_AUDIENCE');
  if (!clientId) problems.push('PALERMO_OIDC_WEB_CLIENT_ID is missing (the web app\'s public client id at the provider)');
  if (!redirect) problems.push('PALERMO_OIDC_WEB_REDIRECT_URI is missing (e.g. https://palermo.example.org/auth/callback)');
  else if (!URL.canParse(redirect) || !isAcceptableProviderUrl(new URL(redirect)) || new URL(redirect).pathname !== '/auth/callback') {
    problems.push(`PALERMO_OIDC_WEB_REDIRECT_URI must be an https URL ending in /auth/callback (plain http only on 127.0.0.1), not "${redirect}"`);
  }
  if (problems.length > 0) return { config: null, problems };
  return {
    config: { issuer: tokens.issuer!, clientId, redirectUri: redirect, scope: env.PALERMO_OIDC_WEB_SCOPE?.trim() || 'openid', resource: tokens.audience! },
    problems: [],
  };
}

/** GET /auth/config. */
export function serveAuthConfig(deps: ApiDeps, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const body = demoSignInEnabled() ? { mode: 'demo' } : deps.webSignIn ? { mode: 'oidc', ...deps.webSignIn } : { mode: 'none' };
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  return true;
}
