import type { Client } from '@temporalio/client';
import { createGraphQLError } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/roles.js';
import type { DB } from '../db/schema.js';
import { AuthenticationError, cachingVerifier, hs256Verifier, type TokenVerifier } from './auth.js';
import type { EdgeConfig, RequestLimits } from './config.js';
import type { LifecycleOptions } from './lifecycle.js';
import type { ProjectChanges } from './live/project-changes.js';
import { createLoaders, type Loaders } from './loaders.js';
import { IdentityProviderUnavailableError } from './oidc.js';
import type { WebOidcSignIn } from './web-sign-in.js';

export interface ApiDeps {
  db: Kysely<DB>;
  temporal: Client;
  /** HS256 secret (at least 32 bytes), used when no verifyToken is given. */
  jwtSecret?: string;
  /** How bearer tokens are verified (e.g. against an OpenID Connect provider); HS256 with jwtSecret otherwise. */
  verifyToken?: TokenVerifier;
  /** GraphiQL, introspection, CORS and request limits; a real deployment's safe defaults where unset. */
  edge?: Partial<Omit<EdgeConfig, 'limits'>> & { limits?: Partial<RequestLimits> };
  /** Task queue and timer durations of the lifecycle workflows this API starts. */
  lifecycle?: LifecycleOptions;
  /** This process's LISTEN on project changes, feeding the projectChanged subscription (api/live/project-changes.ts). */
  projectChanges?: ProjectChanges;
  /** The web app's OpenID Connect client (GET /auth/config), when it signs people in through the provider. */
  webSignIn?: WebOidcSignIn | null;
}

export interface Context {
  actor: Actor | null;
  deps: ApiDeps;
  loaders: Loaders;
}

const verifiers = new WeakMap<ApiDeps, TokenVerifier>();

/**
 * The one verifier of these deps, made once (a short secret is refused here, at the first use), remembering
 * the tokens it verified (api/auth.ts cachingVerifier): each request of a client carries the same token.
 */
export function tokenVerifierOf(deps: ApiDeps): TokenVerifier {
  let verifier = verifiers.get(deps);
  if (!verifier) {
    if (!deps.verifyToken && deps.jwtSecret === undefined) throw new Error('the API needs jwtSecret or verifyToken');
    verifier = cachingVerifier(deps.verifyToken ?? hs256Verifier(deps.jwtSecret!));
    verifiers.set(deps, verifier);
  }
  return verifier;
}

/** The caller a bearer token names: an AuthenticationError or IdentityProviderUnavailableError otherwise. */
export async function actorOfToken(deps: ApiDeps, token: string): Promise<Actor> {
  return tokenVerifierOf(deps)(token);
}

/** Builds a request's context: a missing token leaves the caller anonymous, a bad one is refused. */
export async function createContext(deps: ApiDeps, request: Request): Promise<Context> {
  const header = request.headers.get('authorization');
  let actor: Actor | null = null;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    try {
      actor = await actorOfToken(deps, match[1]);
    } catch (err) {
      if (err instanceof AuthenticationError) throw unauthenticated(err.message);
      if (err instanceof IdentityProviderUnavailableError) throw identityProviderUnavailable(err.message);
      throw err;
    }
  }
  return { actor, deps, loaders: createLoaders(deps.db) };
}

export function unauthenticated(reason: string) {
  return createGraphQLError(`UNAUTHENTICATED: ${reason}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

function identityProviderUnavailable(reason: string) {
  return createGraphQLError(`IDENTITY_PROVIDER_UNAVAILABLE: ${reason}`, { extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE', http: { status: 503 } } });
}
