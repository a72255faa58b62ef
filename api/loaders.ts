// Per-request batch loaders, so a list of projects reads its needs, States and history in one query each.
import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { historyOfProjects, needsOfProjects, statesOfProjects } from '../db/queries/projects.js';

function byProject<V>(load: (db: Kysely<DB>, ids: readonly string[]) => Promise<Map<string, V[]>>, db: Kysely<DB>) {
  return new DataLoader<string, V[]>(async (ids) => {
    const found = await load(db, ids);
    return ids.map((id) => found.get(id) ?? []);
  });
}

export function createLoaders(db: Kysely<DB>) {
  return {
    projectStates: byProject(statesOfProjects, db),
    projectNeeds: byProject(needsOfProjects, db),
    projectHistory: byProject(historyOfProjects, db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
