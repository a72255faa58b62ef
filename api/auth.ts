// Bearer JWTs. The embedded default signs and verifies HS256 tokens with one secret; a real deployment
// may instead verify its OpenID Connect provider's tokens (api/oidc.ts). Both end in actorFromClaims, so
// the same rules hold for every token: an expiry no further away than the maximum lifetime, a palermo
// role, a State only on a focal point's token.
import { decodeJwt, errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { isRole, type Actor, type Role } from '../domain/roles.js';

/** Used only by the embedded default (`npm start`, `npm run token`); never in a real deployment. */
export const DEV_JWT_SECRET = 'palermo-embedded-dev-secret-do-not-use-in-production';

/** HS256 needs a key at least as long as its hash (RFC 7518 §3.2). */
export const MIN_SECRET_BYTES = 32;
/** A stolen token is useful until it expires: 12 h covers a working day. */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

const ISSUER = 'palermo';
const encoder = new TextEncoder();

export class AuthenticationError extends Error {}

/** Verifies a bearer token and names its caller, or throws an AuthenticationError saying why not. */
export type TokenVerifier = (token: string) => Promise<Actor>;

/** Where the role, State and organisation are found in a token's claims (dotted paths reach nested claims). */
export interface ClaimNames {
  role: string;
  state: string;
  org: string;
}

export const PALERMO_CLAIM_NAMES: ClaimNames = { role: 'role', state: 'state', org: 'org' };

export interface ClaimRules {
  claims?: ClaimNames;
  /** Provider role values to palermo roles (e.g. {"ta-manager": "PROGRAMME_MANAGER"}); without it a role claim must be a palermo role. */
  roleValues?: Readonly<Record<string, Role>>;
  maxLifetimeSeconds?: number;
  /** Seconds since the epoch; for tests of the rules. */
  now?: number;
}

export async function signToken(secret: string, actor: Actor, ttl: string | number = '12h'): Promise<string> {
  const claims: Record<string, string> = { role: actor.role };
  if (actor.stateCode) claims.state = actor.stateCode;
  if (actor.organisation) claims.org = actor.organisation;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.subject)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(encoder.encode(secret));
}

/** The actor an HS256 token names, or an AuthenticationError that says what is wrong with it. */
export async function verifyToken(secret: string | CryptoKey, token: string, rules: ClaimRules = {}): Promise<Actor> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, typeof secret === 'string' ? encoder.encode(secret) : secret, { issuer: ISSUER, algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] }));
  } catch (err) {
    throw authenticationErrorFrom(err);
  }
  return actorFromClaims(payload, rules);
}

/** An HS256 verifier for one secret; refuses a secret too short to be safe. */
export function hs256Verifier(secret: string, rules: ClaimRules = {}): TokenVerifier {
  const bytes = encoder.encode(secret);
  if (bytes.byteLength < MIN_SECRET_BYTES) {
    throw new Error(`the token secret must be at least ${MIN_SECRET_BYTES} bytes long`);
  }
  // The key is imported once: given raw bytes, jose imports them into WebCrypto on every verification,
  // which cost more than the verification itself (bench:pool's CPU profile).
  const key = crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  return async (token) => verifyToken(await key, token, rules);
}

export interface VerifiedTokenCache {
  /** Most tokens remembered; past it the oldest is forgotten first. */
  maxEntries?: number;
  /** How long a verified token is remembered at most, even if it lives longer (bounds the wait for a key the provider withdrew). */
  maxAgeMs?: number;
  /** Milliseconds since the epoch; for tests. */
  now?: () => number;
}

/**
 * A verifier that remembers the tokens it has verified, until each one's expiry (and at most `maxAgeMs`):
 * a client sends the same token with every request, and a signature check (a WebCrypto job per call)
 * costs more than the rest of a small read. Only a token the wrapped verifier accepted is remembered;
 * a refusal is never cached, and a remembered token past its `exp` goes back to the verifier, which
 * refuses it with the reason.
 */
export function cachingVerifier(verify: TokenVerifier, { maxEntries = 10_000, maxAgeMs = 60_000, now = Date.now }: VerifiedTokenCache = {}): TokenVerifier {
  const verified = new Map<string, { actor: Actor; until: number }>();
  return async (token) => {
    const hit = verified.get(token);
    if (hit && now() < hit.until) return hit.actor;
    if (hit) verified.delete(token);
    const actor = await verify(token);
    // The verifier required exp, so the payload decodes and names it.
    const exp = decodeJwt(token).exp;
    if (typeof exp === 'number') {
      if (verified.size >= maxEntries) verified.delete(verified.keys().next().value!);
      verified.set(token, { actor, until: Math.min(exp * 1000, now() + maxAgeMs) });
    }
    return actor;
  };
}

/** jose's verification failures, in words a caller can act on. */
export function authenticationErrorFrom(err: unknown): AuthenticationError {
  if (err instanceof AuthenticationError) return err;
  if (err instanceof errors.JWTExpired) return new AuthenticationError('the token has expired');
  if (err instanceof errors.JWSSignatureVerificationFailed) return new AuthenticationError('the token signature is invalid');
  if (err instanceof errors.JWKSNoMatchingKey) return new AuthenticationError('the token is signed by a key the identity provider does not publish');
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.reason === 'missing') return new AuthenticationError(`the token has no "${err.claim}" claim`);
    if (err.claim === 'aud') return new AuthenticationError('the token is meant for another audience');
    if (err.claim === 'iss') return new AuthenticationError('the token comes from another issuer');
    return new AuthenticationError(`the token's "${err.claim}" claim is not acceptable (${err.reason})`);
  }
  if (err instanceof errors.JOSEAlgNotAllowed) return new AuthenticationError('the token is signed with an algorithm that is not accepted');
  return new AuthenticationError(`the token is invalid (${err instanceof Error ? err.message : String(err)})`);
}

function claimAt(payload: JWTPayload, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The one palermo role a role claim names, after mapping the provider's values. */
function roleFrom(value: unknown, rules: ClaimRules, claimName: string): Role {
  const map = (v: unknown): Role | undefined => {
    if (typeof v !== 'string') return undefined;
    if (rules.roleValues) return Object.hasOwn(rules.roleValues, v) ? rules.roleValues[v] : undefined;
    return isRole(v) ? v : undefined;
  };
  // A provider may list several groups or roles; exactly one of them must be a palermo role.
  const candidates = Array.isArray(value) ? value : [value];
  const roles = [...new Set(candidates.map(map).filter((r): r is Role => r !== undefined))];
  if (roles.length === 1) return roles[0]!;
  if (value === undefined) throw new AuthenticationError(`the token has no role claim ("${claimName}")`);
  if (roles.length === 0) throw new AuthenticationError(`the token's role claim ("${claimName}") names no palermo role`);
  throw new AuthenticationError(`the token's role claim ("${claimName}") names several palermo roles (${roles.join(', ')}); a token acts in one role`);
}

/** Rules every token obeys, whoever signed it. The signature and issuer are checked before this. */
export function actorFromClaims(payload: JWTPayload, rules: ClaimRules = {}): Actor {
  const claims = rules.claims ?? PALERMO_CLAIM_NAMES;
  const maxLifetime = rules.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const now = rules.now ?? Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== 'number') throw new AuthenticationError('the token has no expiry ("exp" claim)');
  // Without iat the lifetime is unknown; what is left of it must still fit under the maximum.
  const lifetime = payload.exp - (typeof payload.iat === 'number' ? payload.iat : now);
  if (lifetime > maxLifetime) {
    throw new AuthenticationError(`the token is valid for ${lifetime} s, longer than the ${maxLifetime} s this API accepts`);
  }
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new AuthenticationError('the token has no subject ("sub" claim)');
  const role = roleFrom(claimAt(payload, claims.role), rules, claims.role);
  const state = claimAt(payload, claims.state);
  if (role === 'STATE_FOCAL_POINT') {
    if (typeof state !== 'string' || !/^[A-Z]{3}$/.test(state)) {
      throw new AuthenticationError(`a STATE_FOCAL_POINT token needs a State claim ("${claims.state}", ISO 3166 alpha-3)`);
    }
  } else if (state !== undefined && state !== null) {
    // A State scope on another role would be ignored by some checks and honoured by others: refuse it.
    throw new AuthenticationError(`a ${role} token must not carry a State claim ("${claims.state}"); only a STATE_FOCAL_POINT acts for a State`);
  }
  const org = claimAt(payload, claims.org);
  if (org !== undefined && (typeof org !== 'string' || org.trim() === '')) {
    throw new AuthenticationError(`the token's organisation claim ("${claims.org}") must be a non-empty string`);
  }
  // A donor acts for its organisation: the pledges it makes and the projects it sees are that organisation's.
  if (role === 'DONOR' && (typeof org !== 'string' || !/^[^\u0000-\u001f\u007f]{1,200}$/.test(org) || !org.trim())) {
    throw new AuthenticationError(`a DONOR token needs an organisation claim ("${claims.org}") naming its organisation`);
  }
  return {
    subject: payload.sub,
    role,
    ...(typeof state === 'string' ? { stateCode: state } : {}),
    ...(typeof org === 'string' ? { organisation: org } : {}),
  };
}
