// The materialised ranking of the needs pool (db/migrations/0080_need_ranking.ts).
import type { ColumnType, JSONColumnType } from 'kysely';
import type { Timestamp } from '../schema.js';

export interface NeedRankingTable {
  need_id: string;
  state_code: string;
  priority_area: string;
  /** numeric(8,1): the priority score, exact. */
  score: ColumnType<string, string | number, string | number>;
  /** -score, generated: the ranking order ascending. */
  sort_score: ColumnType<string, never, never>;
  identified_at: Timestamp;
  parts: JSONColumnType<unknown[]>;
  /** Digest of the parts as written (db/queries/need-ranking.ts partsKey); null on rows written before 0150. */
  parts_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** When its priority was last written (a run leaves an unchanged priority as it is). */
  computed_at: Timestamp;
}

export interface NeedRankingStaleTable {
  need_id: string;
}

export interface NeedRankingTables {
  need_ranking: NeedRankingTable;
  need_ranking_stale: NeedRankingStaleTable;
}
