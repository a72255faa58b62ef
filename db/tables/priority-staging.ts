// A re-prioritisation run's priorities before they are ranked (db/migrations/0060_priority_snapshot_staging.ts).
import type { JSONColumnType } from 'kysely';
import type { Timestamp } from '../schema.js';

export interface PrioritySnapshotStagingTable {
  workflow_id: string;
  need_id: string;
  score: number;
  identified_at: Timestamp;
  parts: JSONColumnType<unknown[]>;
}

export interface PriorityStagingTables {
  priority_snapshot_staging: PrioritySnapshotStagingTable;
}
