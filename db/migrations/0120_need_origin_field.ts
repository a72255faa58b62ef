import type { Kysely } from 'kysely';

// Issue 15 (needs half): a need's field of expertise, where it came from beyond its project (a field
// office, an adviser, an outreach mission: origin_detail), its withdrawal (a presumed reporting need
// whose State reported after all, R8) and its confidentiality (R14).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('needs')
    .addColumn('field_of_expertise', 'text')
    .addColumn('origin_detail', 'jsonb')
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('confidential', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await db.schema.createIndex('needs_origin_project_idx').on('needs').column('origin_project_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('needs_origin_project_idx').ifExists().execute();
  await db.schema
    .alterTable('needs')
    .dropColumn('field_of_expertise')
    .dropColumn('origin_detail')
    .dropColumn('withdrawn_at')
    .dropColumn('withdrawn_reason')
    .dropColumn('confidential')
    .execute();
}
