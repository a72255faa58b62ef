// Tokens from the organisation's OpenID Connect provider: the issuer's discovery document names its
// JWKS, whose public keys (fetched and cached by jose, refetched when a new key id appears) verify
// RS256/ES256 access or ID tokens for our audience. The claims then obey the same rules as every token.
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Role } from '../domain/roles.js';
import { actorFromClaims, authenticationErrorFrom, type ClaimNames, type TokenVerifier } from './auth.js';

export const OIDC_ALGORITHMS = ['RS256', 'ES256', 'PS256', 'ES384', 'ES512'] as const;
export type OidcAlgorithm = (typeof OIDC_ALGORITHMS)[number];

export interface OidcSettings {
  /** The issuer exactly as the provider names itself (its `iss` claim). */
  issuer: string;
  /** The audience our tokens are issued for (the `aud` claim, e.g. the API's resource indicator). */
  audience: string;
  algorithms: readonly OidcAlgorithm[];
  claims: ClaimNames;
  roleValues?: Readonly<Record<string, Role>>;
  maxLifetimeSeconds: number;
  /** Clock skew allowed between the provider and this server. */
  clockToleranceSeconds?: number;
}

/** The provider could not be asked: not the caller's fault, so not UNAUTHENTICATED. */
export class IdentityProviderUnavailableError extends Error {}

const DISCOVERY_TIMEOUT_MS = 10_000;

/** Plain http only to this machine (a provider in a test); anything else must be https. */
export function isAcceptableProviderUrl(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname));
}

/** Reads the provider's discovery document once, then verifies tokens against its published keys. */
export async function discoverOidcVerifier(settings: OidcSettings): Promise<TokenVerifier> {
  const base = settings.issuer.endsWith('/') ? settings.issuer : `${settings.issuer}/`;
  const discoveryUrl = new URL('.well-known/openid-configuration', base);
  let document: { issuer?: unknown; jwks_uri?: unknown };
  try {
    const response = await fetch(discoveryUrl, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = (await response.json()) as typeof document;
  } catch (err) {
    throw new IdentityProviderUnavailableError(`OpenID discovery at ${discoveryUrl.href} failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  // OpenID Connect Discovery §4.3: the document's issuer must be the one we asked for.
  if (document.issuer !== settings.issuer) {
    throw new Error(`OpenID discovery at ${discoveryUrl.href} names the issuer "${String(document.issuer)}", not the configured "${settings.issuer}"`);
  }
  if (typeof document.jwks_uri !== 'string' || !URL.canParse(document.jwks_uri) || !isAcceptableProviderUrl(new URL(document.jwks_uri))) {
    throw new Error(`OpenID discovery at ${discoveryUrl.href} gives no usable https jwks_uri`);
  }
  const keys = createRemoteJWKSet(new URL(document.jwks_uri), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: [...settings.algorithms],
        requiredClaims: ['exp', 'sub'],
        clockTolerance: settings.clockToleranceSeconds ?? 5,
      }));
    } catch (err) {
      if (err instanceof errors.JWKSTimeout || (err instanceof Error && /fetch failed|Expected 200 OK/.test(err.message))) {
        throw new IdentityProviderUnavailableError(`the identity provider's keys could not be fetched (${err.message})`);
      }
      throw authenticationErrorFrom(err);
    }
    return actorFromClaims(payload, settings);
  };
}
