// The caller of a plain HTTP route (IATI files, the caught-mail page): the same bearer token as GraphQL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../domain/roles.js';
import { AuthenticationError } from './auth.js';
import { actorOfToken, type ApiDeps } from './context.js';
import { IdentityProviderUnavailableError } from './oidc.js';

export function sendText(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
  return true;
}

/** The authenticated actor, or the 401 answer to give (no token, bad or expired token). */
export async function bearerActor(deps: ApiDeps, req: IncomingMessage): Promise<{ actor: Actor } | { refusal: string }> {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return { refusal: 'UNAUTHENTICATED: send "Authorization: Bearer <token>"\n' };
  try {
    return { actor: await actorOfToken(deps, token) };
  } catch (err) {
    if (err instanceof AuthenticationError) return { refusal: `UNAUTHENTICATED: ${err.message}\n` };
    if (err instanceof IdentityProviderUnavailableError) return { refusal: `IDENTITY_PROVIDER_UNAVAILABLE: ${err.message}\n` };
    throw err;
  }
}
