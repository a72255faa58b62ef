// Per-request batch loaders, so a list of projects reads its needs, States and history in one query each.
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { freshRanking, needsByIds, rankingOf } from '../db/queries/need-ranking.js';
import { historyOfProjects, needsOfProjects, statesOfProjects } from '../db/queries/projects.js';
import { eventsOfInvitations, expertsByIds, historyOfExperts } from '../db/queries/roster.js';
import type { Priority } from '../domain/priority.js';

/** A list per key (project, invitation, expert), read for every key of the request in one query. */
function byProject<V>(load: (db: Kysely<DB>, ids: readonly string[]) => Promise<Map<string, V[]>>, db: Kysely<DB>) {
  return new DataLoader<string, V[]>(async (ids) => {
    const found = await load(db, ids);
    return ids.map((id) => found.get(id) ?? []);
  });
}

function byId<V>(load: (db: Kysely<DB>, ids: readonly string[]) => Promise<Map<string, V>>, db: Kysely<DB>) {
  return new DataLoader<string, V | null>(async (ids) => {
    const found = await load(db, ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createLoaders(db: Kysely<DB>) {
  return {
    projectStates: byProject(statesOfProjects, db),
    projectNeeds: byProject(needsOfProjects, db),
    projectHistory: byProject(historyOfProjects, db),
    invitationEvents: byProject(eventsOfInvitations, db),
    expertHistory: byProject(historyOfExperts, db),
    expert: byId(expertsByIds, db),
    /** A need's project stage and latest verdict, for needs read without them. */
    needStanding: byId(needsByIds, db),
    /** A need's priority while it is open in the pool (null otherwise), from the up-to-date ranking. */
    needPriority: new DataLoader<string, Priority | null>(async (ids) => {
      await freshRanking(db);
      const found = await rankingOf(db, ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
