import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as readModel from './migrations/0001_read_model.js';
import * as lifecycle from './migrations/0002_lifecycle.js';
import * as roster from './migrations/0003_roster.js';
import * as needsPool from './migrations/0004_needs_pool.js';
import * as needsImport from './migrations/0005_needs_import.js';
import * as poolCuration from './migrations/0006_pool_curation.js';
import * as needEvents from './migrations/0007_need_events.js';
import * as exactMoney from './migrations/0010_exact_money.js';
import * as idempotencyKeys from './migrations/0010_idempotency_keys.js';
import * as needsImportStore from './migrations/0030_needs_import_store.js';
import * as needClaims from './migrations/0030_need_claims.js';
import * as notifications from './migrations/0050_notifications.js';
import * as prioritySnapshotStaging from './migrations/0060_priority_snapshot_staging.js';
import * as projectChangeNotify from './migrations/0090_project_change_notify.js';
import * as needOriginField from './migrations/0120_need_origin_field.js';
import * as weightVersions from './migrations/0130_weight_versions.js';
import * as prioritySnapshotFrozen from './migrations/0140_priority_snapshot_frozen.js';
import * as needRankingPartsKey from './migrations/0150_need_ranking_parts_key.js';
import * as prioritySnapshotEntriesUnchecked from './migrations/0160_priority_snapshot_entries_unchecked.js';
import * as prioritySnapshotExplanations from './migrations/0170_priority_snapshot_explanations.js';
import * as priorityStagingParts from './migrations/0110_priority_staging_parts.js';
import * as listKeysets from './migrations/0080_list_keysets.js';
import * as needRanking from './migrations/0080_need_ranking.js';
import * as rosterVersion from './migrations/0080_roster_version.js';
import type { DB } from './schema.js';

// Migrations are listed here, not read from disk, so they work the same under tsx, vitest and a bundle.
const MIGRATIONS: Record<string, Migration> = {
  '0001_read_model': readModel,
  '0002_lifecycle': lifecycle,
  '0003_roster': roster,
  '0004_needs_pool': needsPool,
  '0005_needs_import': needsImport,
  '0006_pool_curation': poolCuration,
  '0007_need_events': needEvents,
  '0010_exact_money': exactMoney,
  '0010_idempotency_keys': idempotencyKeys,
  '0030_needs_import_store': needsImportStore,
  '0030_need_claims': needClaims,
  '0050_notifications': notifications,
  '0060_priority_snapshot_staging': prioritySnapshotStaging,
  '0090_project_change_notify': projectChangeNotify,
  '0120_need_origin_field': needOriginField,
  '0130_weight_versions': weightVersions,
  '0140_priority_snapshot_frozen': prioritySnapshotFrozen,
  '0150_need_ranking_parts_key': needRankingPartsKey,
  '0160_priority_snapshot_entries_unchecked': prioritySnapshotEntriesUnchecked,
  '0170_priority_snapshot_explanations': prioritySnapshotExplanations,
  '0110_priority_staging_parts': priorityStagingParts,
  '0080_list_keysets': listKeysets,
  '0080_need_ranking': needRanking,
  '0080_roster_version': rosterVersion,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date. Safe to call from several processes: Kysely takes a lock. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  // Parts of the system add migrations independently; an older-numbered one may arrive after a newer one ran.
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
