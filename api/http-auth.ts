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

/** The authenticated actor, or the answer to give: 401 (no token, bad or expired token), 503 (identity provider unreachable). */
export async function bearerActor(deps: ApiDeps, req: IncomingMessage): Promise<{ actor: Actor } | { status: 401 | 503; refusal: string }> {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return { status: 401, refusal: 'UNAUTHENTICATED: send "Authorization: Bearer <token>"\n' };
  try {
    return { actor: await actorOfToken(deps, token) };
  } catch (err) {
    if (err instanceof AuthenticationError) return { status: 401, refusal: `UNAUTHENTICATED: ${err.message}\n` };
    if (err instanceof IdentityProviderUnavailableError) return { status: 503, refusal: `IDENTITY_PROVIDER_UNAVAILABLE: ${err.message}\n` };
    throw err;
  }
}
