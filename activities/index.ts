// Activities the worker registers. Each takes its dependencies from here, never from globals.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ProjectProjection } from '../workflows/definitions.js';
import { createNeedsImportActivities } from './needs-import.js';
import { createNeedsPoolActivities } from './needs-pool.js';
import { writeProjectEvent } from './project-events.js';
import { createReprioritisationPageActivities } from './reprioritisation-pages.js';
import { createRosterActivities } from './roster.js';

export function createActivities(db: Kysely<DB>) {
  return {
    async projectEvent(projection: ProjectProjection): Promise<void> {
      await writeProjectEvent(db, projection);
    },
    ...createNeedsPoolActivities(db),
    ...createReprioritisationPageActivities(db),
    ...createNeedsImportActivities(db),
    ...createRosterActivities(db),
  };
}

export type ProjectionActivities = ReturnType<typeof createActivities>;
