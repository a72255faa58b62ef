import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A re-prioritisation run writes each page's priorities here, keyed by its workflow id (a retried page
  // writes nothing twice); the last step ranks them all with one window function into
  // priority_snapshot_entries and empties its rows, so readers only ever see whole snapshots.
  await db.schema
    .createTable('priority_snapshot_staging')
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('score', 'numeric(8, 1)', (c) => c.notNull())
    .addColumn('identified_at', 'timestamptz', (c) => c.notNull())
    .addColumn('parts', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('priority_snapshot_staging_pk', ['workflow_id', 'need_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('priority_snapshot_staging').ifExists().execute();
}
