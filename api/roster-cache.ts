// The roster as matching reads it, kept in memory per database between requests (issue 13: no whole
// roster load per request). Each request reads the roster's version (one row, bumped in the writer's
// transaction by every change matching depends on: db/migrations/0080_roster_version.ts) and reloads
// only when it moved, so every API process sees a committed change on its next request, and a caller
// its own writes. Concurrent requests that find it stale share one reload, and one index for matching.
import type { Kysely } from 'kysely';
import { indexRoster, type RosterIndex } from '../domain/matching/roster-index.js';
import type { RosterExpert } from '../domain/matching/types.js';
import type { DB } from '../db/schema.js';
import { loadRoster } from '../db/queries/roster.js';

interface Cached {
  version: number;
  roster: Promise<RosterExpert[]>;
  /** Built on first use from the same load, once per version. */
  index?: Promise<RosterIndex>;
}

const caches = new WeakMap<Kysely<DB>, Cached>();

export async function rosterVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('roster_version').select('version').executeTakeFirstOrThrow();
  return Number(row.version);
}

async function current(db: Kysely<DB>): Promise<Cached> {
  const version = await rosterVersion(db);
  const cached = caches.get(db);
  if (cached && cached.version === version) return cached;
  // Tagged with the version read before loading: a change committed meanwhile is in the rows or makes the next request reload.
  const roster = loadRoster(db);
  const entry: Cached = { version, roster };
  caches.set(db, entry);
  roster.catch(() => {
    if (caches.get(db) === entry) caches.delete(db); // a failed load is not kept
  });
  return entry;
}

/** The roster (active and suspended experts, with ratings and workload) as of now, reloaded only after a change. */
export async function currentRoster(db: Kysely<DB>): Promise<RosterExpert[]> {
  return (await current(db)).roster;
}

/** The same roster indexed for matching (domain/matching/roster-index.ts), indexed once per version. */
export async function currentRosterIndex(db: Kysely<DB>): Promise<RosterIndex> {
  const entry = await current(db);
  return (entry.index ??= entry.roster.then(indexRoster));
}
