// Bearer JWTs (HS256). Claims: `role`, and `state` for a State focal point; `sub` names the caller.
import { errors, jwtVerify, SignJWT } from 'jose';
import { isRole, type Actor, type Role } from '../domain/roles.js';

/** Used only by the embedded default (`npm start`, `npm run token`); never in a real deployment. */
export const DEV_JWT_SECRET = 'palermo-embedded-dev-secret-do-not-use-in-production';

const ISSUER = 'palermo';
const encoder = new TextEncoder();

export class AuthenticationError extends Error {}

export async function signToken(secret: string, actor: Actor, ttl = '12h'): Promise<string> {
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

/** The actor a token names, or an AuthenticationError that says what is wrong with it. */
export async function verifyToken(secret: string, token: string): Promise<Actor> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, encoder.encode(secret), { issuer: ISSUER, algorithms: ['HS256'] }));
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new AuthenticationError('the token has expired');
    if (err instanceof errors.JWSSignatureVerificationFailed) throw new AuthenticationError('the token signature is invalid');
    throw new AuthenticationError(`the token is invalid (${err instanceof Error ? err.message : String(err)})`);
  }
  const role: unknown = payload.role;
  if (!isRole(role)) throw new AuthenticationError(`the token's role claim "${String(role)}" is not a palermo role`);
  if (!payload.sub) throw new AuthenticationError('the token has no subject (sub) claim');
  const state = payload.state;
  if (role === 'STATE_FOCAL_POINT' && (typeof state !== 'string' || !/^[A-Z]{3}$/.test(state))) {
    throw new AuthenticationError('a STATE_FOCAL_POINT token needs a state claim (ISO 3166 alpha-3)');
  }
  const org = payload.org;
  // A donor acts for its organisation: the pledges it makes and the projects it sees are that organisation's.
  if (role === 'DONOR' && (typeof org !== 'string' || !/^[^\u0000-\u001f\u007f]{1,200}$/.test(org) || !org.trim())) {
    throw new AuthenticationError('a DONOR token needs an org claim naming its organisation');
  }
  return {
    subject: payload.sub,
    role: role as Role,
    ...(typeof state === 'string' ? { stateCode: state } : {}),
    ...(typeof org === 'string' ? { organisation: org } : {}),
  };
}
