// Idempotency keys that hold: the same key with the same payload gets the same answer, also after the
// project has ended; the same key with another payload is refused (IDEMPOTENCY_KEY_REUSED).
// The API claims the key in PostgreSQL before it calls Temporal (insert-first: of two concurrent calls
// with one key, one payload is registered and the other call compares against it). Temporal's own
// dedup (workflow id, update id) still makes a retried call apply once.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Context } from './context.js';
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, TransitionRefusedError, ValidationError } from './errors.js';

/** JSON with object keys sorted, so the same payload always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Who calls, for idempotency: a key belongs to the caller that first used it. */
export function callerOf(ctx: Context): string {
  const a = ctx.actor!;
  return [a.role, a.subject, a.stateCode ?? ''].join('|');
}

export function payloadHash(caller: string, payload: unknown): string {
  return createHash('sha256').update(canonical({ caller, payload })).digest('hex');
}

export type Claim<R> = { kind: 'FIRST' } | { kind: 'RETRY' } | { kind: 'DONE'; result: R };

/** Claims (scope, key) for this payload, or says what a retry of it should do. */
export async function claimKey<R>(db: Kysely<DB>, scope: string, key: string, hash: string): Promise<Claim<R>> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ scope, key, payload_hash: hash, status: 'PENDING', result: null })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { kind: 'FIRST' };
  const row = await db.selectFrom('idempotency_keys').select(['payload_hash', 'status', 'result']).where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  // Released between our insert and this read by a refused first call: claim it again.
  if (!row) return claimKey(db, scope, key, hash);
  if (row.payload_hash !== hash) {
    throw new IdempotencyKeyReusedError(key, `idempotency key ${key} was already used for a different ${scope.split(':')[0]} request; nothing was done (use a new key for a new action)`);
  }
  return row.status === 'DONE' ? { kind: 'DONE', result: row.result as R } : { kind: 'RETRY' };
}

/** Refusals change nothing, so the key is free again for the same payload once the refusal is fixed. */
function isRefusal(err: unknown): boolean {
  return err instanceof ValidationError || err instanceof TransitionRefusedError || err instanceof ForbiddenError || err instanceof NotFoundError;
}

/**
 * Runs `act` at most once per (scope, key, payload): the first call runs it and keeps `remember(result)`;
 * a retry after it finished is answered by `replay` from what was kept, without asking Temporal (whose
 * workflow may have ended). A retry while the first is in flight, or after it timed out, runs `act`
 * again: Temporal's workflow id or update id makes it apply once.
 */
export async function idempotent<T, R extends Record<string, unknown>>(
  db: Kysely<DB>,
  claim: { scope: string; key: string; caller: string; payload: unknown },
  act: () => Promise<T>,
  remember: (result: T) => R,
  replay: (kept: R) => Promise<T>,
): Promise<T> {
  const hash = payloadHash(claim.caller, claim.payload);
  const state = await claimKey<R>(db, claim.scope, claim.key, hash);
  if (state.kind === 'DONE') return replay(state.result);
  let result: T;
  try {
    result = await act();
  } catch (err) {
    if (isRefusal(err)) {
      await db.deleteFrom('idempotency_keys').where('scope', '=', claim.scope).where('key', '=', claim.key).where('payload_hash', '=', hash).where('status', '=', 'PENDING').execute();
    }
    throw err; // a timeout keeps the claim: the action may still apply, and a retry must match it
  }
  await db
    .updateTable('idempotency_keys')
    .set({ status: 'DONE', result: JSON.stringify(remember(result)), completed_at: new Date().toISOString() })
    .where('scope', '=', claim.scope)
    .where('key', '=', claim.key)
    .execute();
  return result;
}
