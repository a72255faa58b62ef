import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The Conference's weights of the priority areas, one row per decision; the newest is in force.
  await db.schema
    .createTable('priority_weight_sets')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('weights', 'jsonb', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull())
    .addColumn('set_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // A State's own ranking of its open needs (R2).
  await db.schema.alterTable('needs').addColumn('state_rank', 'integer').execute();

  // Ranked snapshots of the pool, one per re-prioritisation run (keyed by its workflow id, so a retried
  // activity records one snapshot), to read how priorities changed between runs.
  await db.schema
    .createTable('priority_snapshots')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull().unique())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull())
    .addColumn('weight_set_id', 'integer', (c) => c.references('priority_weight_sets.id'))
    .addColumn('open_needs', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('priority_snapshot_entries')
    .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('priority_snapshots.id').onDelete('cascade'))
    .addColumn('need_id', 'text', (c) => c.notNull().references('needs.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('score', 'numeric(8, 1)', (c) => c.notNull())
    .addColumn('parts', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('priority_snapshot_entries_pk', ['snapshot_id', 'need_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('priority_snapshot_entries').ifExists().execute();
  await db.schema.dropTable('priority_snapshots').ifExists().execute();
  await db.schema.alterTable('needs').dropColumn('state_rank').execute();
  await db.schema.dropTable('priority_weight_sets').ifExists().execute();
}
