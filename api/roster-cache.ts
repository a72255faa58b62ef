// The roster as matching reads it, kept in memory per database between requests (issue 13: no whole
// roster load per request). Each request reads the roster's version (one row, bumped in the writer's
// transaction by every change matching depends on: db/migrations/0080_roster_version.ts) and reloads
// only when it moved, so every API process sees a committed change on its next request, and a caller
// its own writes. Concurrent requests that find it stale share one reload.
import type { Kysely } from 'kysely';
import type { RosterExpert } from '../domain/matching/types.js';
import type { DB } from '../db/schema.js';
import { loadRoster } from '../db/queries/roster.js';

interface Cached {
  version: number;
  roster: Promise<RosterExpert[]>;
}

const caches = new WeakMap<Kysely<DB>, Cached>();

export async function rosterVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('roster_version').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
}

/** The roster (active and suspended experts, with ratings and workload) as of now, reloaded only after a change. */
export async function currentRoster(db: Kysely<DB>): Promise<RosterExpert[]> {
  const version = await rosterVersion(db);
  const cached = caches.get(db);
  if (cached && cached.version === version) return cached.roster;
  // Tagged with the version read before loading: a change committed meanwhile is in the rows or makes the next request reload.
  const roster = loadRoster(db);
  const entry = { version, roster };
  caches.set(db, entry);
  roster.catch(() => {
    if (caches.get(db) === entry) caches.delete(db); // a failed load is not kept
  });
  return roster;
}
