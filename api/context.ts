import type { Client } from '@temporalio/client';
import { createGraphQLError } from 'graphql-yoga';
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/roles.js';
import type { DB } from '../db/schema.js';
import { AuthenticationError, verifyToken } from './auth.js';
import type { LifecycleOptions } from './lifecycle.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface ApiDeps {
  db: Kysely<DB>;
  temporal: Client;
  jwtSecret: string;
  /** Task queue and timer durations of the lifecycle workflows this API starts. */
  lifecycle?: LifecycleOptions;
}

export interface Context {
  actor: Actor | null;
  deps: ApiDeps;
  loaders: Loaders;
}

/** Builds a request's context: a missing token leaves the caller anonymous, a bad one is refused. */
export async function createContext(deps: ApiDeps, request: Request): Promise<Context> {
  const header = request.headers.get('authorization');
  let actor: Actor | null = null;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    try {
      actor = await verifyToken(deps.jwtSecret, match[1]);
    } catch (err) {
      if (err instanceof AuthenticationError) throw unauthenticated(err.message);
      throw err;
    }
  }
  return { actor, deps, loaders: createLoaders(deps.db) };
}

export function unauthenticated(reason: string) {
  return createGraphQLError(`UNAUTHENTICATED: ${reason}`, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
