// Activities the worker registers. Each takes its dependencies from here, never from globals.
import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ProjectProjection } from '../workflows/definitions.js';
import { createNeedsImportActivities } from './needs-import.js';
import { createNeedsPoolActivities } from './needs-pool.js';
import { createNotificationActivities } from './notifications.js';
import { projectEventOrReject } from './project-events.js';
import { createProjectMergeActivities } from './project-merge.js';
import { createReprioritisationPageActivities } from './reprioritisation-pages.js';
import { createRosterActivities } from './roster.js';

export function createActivities(db: Kysely<DB>, client: Client) {
  return {
    async projectEvent(projection: ProjectProjection): Promise<void> {
      await projectEventOrReject(db, projection);
    },
    ...createProjectMergeActivities(client),
    ...createNeedsPoolActivities(db),
    ...createReprioritisationPageActivities(db),
    ...createNeedsImportActivities(db),
    ...createRosterActivities(db),
    ...createNotificationActivities(db),
  };
}

export type ProjectionActivities = ReturnType<typeof createActivities>;
