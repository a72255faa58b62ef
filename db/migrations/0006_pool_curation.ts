import { type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A presumed need waits for its State's confirmation (R1); a duplicate points to the need it merged into.
  await db.schema
    .alterTable('needs')
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('confirmed_by', 'text')
    .addColumn('merged_into', 'text', (c) => c.references('needs.id'))
    .execute();
  // What each re-prioritisation run found besides ranks: regions reporting at or below 50%, presumed needs.
  await db.schema
    .alterTable('priority_snapshots')
    .addColumn('regions_flagged', 'jsonb')
    .addColumn('presumed_generated', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('priority_snapshots').dropColumn('regions_flagged').dropColumn('presumed_generated').execute();
  await db.schema.alterTable('needs').dropColumn('confirmed_at').dropColumn('confirmed_by').dropColumn('merged_into').execute();
}
