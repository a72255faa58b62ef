// Idempotency keys of API mutations (db/migrations/0010_idempotency_keys.ts; api/idempotency.ts).
import type { ColumnType, JSONColumnType } from 'kysely';
import type { Timestamp } from '../schema.js';

export interface IdempotencyKeyTable {
  /** The mutation and what it acts on, e.g. "close:project-GAB-key" or "fileRequest:GAB". */
  scope: string;
  key: string;
  /** sha256 of the caller and the validated payload. */
  payload_hash: string;
  status: 'PENDING' | 'DONE';
  /** What the first call answered, for a retry. */
  result: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  completed_at: Timestamp | null;
}

export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeyTable;
}
