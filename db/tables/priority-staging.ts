// A re-prioritisation run's priorities before they were ranked (db/migrations/0060_priority_snapshot_staging.ts). No
// longer written since runs take their snapshot from the needs pool's ranking (db/queries/priority-pages.ts): only
// deleted for runs begun before that release; the tables can be dropped in a later one.
import type { JSONColumnType } from 'kysely';
import type { Timestamp } from '../schema.js';

export interface PrioritySnapshotStagingTable {
  workflow_id: string;
  need_id: string;
  score: number;
  identified_at: Timestamp;
  /** Inline only on rows staged before 0110; since then the parts are in priority_staging_parts under parts_key. */
  parts: JSONColumnType<unknown[] | null, string | null, string | null>;
  parts_key: string | null;
}

/** Each distinct parts array of a run, once (db/migrations/0110_priority_staging_parts.ts). */
export interface PriorityStagingPartsTable {
  workflow_id: string;
  parts_key: string;
  parts: JSONColumnType<unknown[]>;
}

export interface PriorityStagingTables {
  priority_snapshot_staging: PrioritySnapshotStagingTable;
  priority_staging_parts: PriorityStagingPartsTable;
}
