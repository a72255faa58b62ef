import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Where a need came from when it was imported from questionnaire or checklist responses.
  await db.schema.alterTable('needs').addColumn('cycle', 'text').addColumn('import_id', 'text').execute();

  // Each bulk import, as its workflow reports it: the read model of its progress.
  await db.schema
    .createTable('need_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('cycle', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('processed_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('already_present', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .execute();

  // One row per batch written: a retried batch activity finds its first result here and counts nothing twice.
  await db.schema
    .createTable('need_import_batches')
    .addColumn('import_id', 'text', (c) => c.notNull().references('need_imports.id'))
    .addColumn('batch', 'integer', (c) => c.notNull())
    .addColumn('imported', 'integer', (c) => c.notNull())
    .addColumn('already_present', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_import_batches_pk', ['import_id', 'batch'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('need_import_batches').ifExists().execute();
  await db.schema.dropTable('need_imports').ifExists().execute();
  await db.schema.alterTable('needs').dropColumn('cycle').dropColumn('import_id').execute();
}
