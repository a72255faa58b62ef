// Tables of the needs pool's priorities: Conference weights and ranked snapshots.
// Created by db/migrations/0004_needs_pool.ts (weights, snapshots, needs.state_rank) and
// 0005_needs_import.ts (imports, needs.cycle and needs.import_id).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Timestamp } from '../schema.js';

export interface PriorityWeightSetTable {
  id: Generated<number>;
  decision: string;
  weights: JSONColumnType<Record<string, number>>;
  set_by: string;
  set_at: ColumnType<Date, Date | string | undefined, never>;
  /** Weights of instruments (UNTOC, TIP, SOM, FA, ...), 0-3; 0130_weight_versions. */
  instrument_weights: ColumnType<Record<string, number>, string | undefined, string>;
  /** The day the decision took effect (YYYY-MM-DD); 0130_weight_versions. */
  decided_on: ColumnType<Date | string, string, string>;
}

export interface PrioritySnapshotTable {
  id: Generated<number>;
  workflow_id: string;
  trigger: string;
  taken_at: Timestamp;
  weight_set_id: number | null;
  open_needs: number;
  regions_flagged: ColumnType<unknown[] | null, string | null | undefined, string | null>;
  presumed_generated: ColumnType<number, number | undefined, number>;
}

export interface PrioritySnapshotEntryTable {
  snapshot_id: number;
  need_id: string;
  rank: number;
  score: number;
  /** Inline on entries written before 0170 (and by the single-activity path); else null, and parts_key names them. */
  parts: JSONColumnType<unknown[] | null, string | null | undefined, string | null>;
  parts_key: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A snapshot's explanations, each once (0170). */
export interface PrioritySnapshotExplanationTable {
  snapshot_id: number;
  parts_key: string;
  parts: JSONColumnType<unknown[]>;
}

export interface NeedImportTable {
  id: string;
  source: string;
  cycle: string;
  format: string;
  status: 'RUNNING' | 'COMPLETED';
  total_rows: number;
  processed_rows: ColumnType<number, number | undefined, number>;
  imported: ColumnType<number, number | undefined, number>;
  already_present: ColumnType<number, number | undefined, number>;
  good_rows: ColumnType<number, number | undefined, number>;
  bad_rows: ColumnType<number, number | undefined, number>;
  error_count: ColumnType<number, number | undefined, number>;
  parsed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Before 0030 the row errors; now empty, they are rows of need_import_errors. */
  errors: JSONColumnType<{ line: number; field: string; message: string }[], string | undefined>;
  started_by: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface NeedImportBatchTable {
  import_id: string;
  batch: number;
  imported: number;
  already_present: number;
  refused: ColumnType<number, number | undefined, number>;
}

export interface NeedEventTable {
  id: Generated<number>;
  need_id: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  action: string;
  actor_subject: string;
  actor_role: string;
  detail: JSONColumnType<Record<string, unknown>>;
}

export interface NeedsPoolTables {
  need_events: NeedEventTable;
  need_imports: NeedImportTable;
  need_import_batches: NeedImportBatchTable;
  priority_weight_sets: PriorityWeightSetTable;
  priority_snapshots: PrioritySnapshotTable;
  priority_snapshot_entries: PrioritySnapshotEntryTable;
  priority_snapshot_explanations: PrioritySnapshotExplanationTable;
}
