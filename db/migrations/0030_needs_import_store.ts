import { sql, type Kysely } from 'kysely';

// Imports that finish: the uploaded file, its good rows and its row errors live in PostgreSQL, so the
// import workflow carries only the import id and its history stays small whatever the file holds.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('need_imports')
    .addColumn('good_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bad_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('parsed_at', 'timestamptz')
    .execute();

  // Good rows the database refused when written (a class 22/23 error): counted once per batch.
  await db.schema.alterTable('need_import_batches').addColumn('refused', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  // The file as uploaded, as bytes: a NUL or any other byte is kept and becomes a row error, not a refusal.
  await db.schema
    .createTable('need_import_uploads')
    .addColumn('import_id', 'text', (c) => c.primaryKey().references('need_imports.id'))
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // The rows that passed validation, numbered 0.. so a batch is a range of ordinals.
  await db.schema
    .createTable('need_import_rows')
    .addColumn('import_id', 'text', (c) => c.notNull().references('need_imports.id'))
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('row', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_import_rows_pk', ['import_id', 'ordinal'])
    .execute();

  // Every row error, paged in the API by seq.
  await db.schema
    .createTable('need_import_errors')
    .addColumn('import_id', 'text', (c) => c.notNull().references('need_imports.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_import_errors_pk', ['import_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('need_import_errors').ifExists().execute();
  await db.schema.dropTable('need_import_rows').ifExists().execute();
  await db.schema.dropTable('need_import_uploads').ifExists().execute();
  await db.schema.alterTable('need_import_batches').dropColumn('refused').execute();
  await db.schema.alterTable('need_imports').dropColumn('good_rows').dropColumn('bad_rows').dropColumn('error_count').dropColumn('parsed_at').execute();
}
