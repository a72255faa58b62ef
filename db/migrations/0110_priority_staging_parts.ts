import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A run's needs mostly share a few explanations (the same parts for the same urgency, area, verdict
  // and State rank): a page stages each need narrow, with the key of its parts, and each distinct parts
  // array once per run here. The ranking step joins them back, so the explanations are parsed and
  // written once, into priority_snapshot_entries, instead of once per need in staging and again there.
  await db.schema
    .createTable('priority_staging_parts')
    .addColumn('workflow_id', 'text', (c) => c.notNull())
    .addColumn('parts_key', 'text', (c) => c.notNull())
    .addColumn('parts', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('priority_staging_parts_pk', ['workflow_id', 'parts_key'])
    .execute();
  await db.schema.alterTable('priority_snapshot_staging').addColumn('parts_key', 'text').execute();
  // Rows staged by a run that began before this migration keep their parts inline.
  await sql`alter table priority_snapshot_staging alter column parts drop not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('priority_snapshot_staging').dropColumn('parts_key').execute();
  await db.schema.dropTable('priority_staging_parts').ifExists().execute();
}
