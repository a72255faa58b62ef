// Tables of the needs pool's priorities: Conference weights and ranked snapshots.
// Created by db/migrations/0004_needs_pool.ts, which also adds needs.state_rank.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Timestamp } from '../schema.js';

export interface PriorityWeightSetTable {
  id: Generated<number>;
  decision: string;
  weights: JSONColumnType<Record<string, number>>;
  set_by: string;
  set_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface PrioritySnapshotTable {
  id: Generated<number>;
  workflow_id: string;
  trigger: string;
  taken_at: Timestamp;
  weight_set_id: number | null;
  open_needs: number;
}

export interface PrioritySnapshotEntryTable {
  snapshot_id: number;
  need_id: string;
  rank: number;
  score: number;
  parts: JSONColumnType<unknown[]>;
}

export interface NeedsPoolTables {
  priority_weight_sets: PriorityWeightSetTable;
  priority_snapshots: PrioritySnapshotTable;
  priority_snapshot_entries: PrioritySnapshotEntryTable;
}
