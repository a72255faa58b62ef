import { sql, type Kysely } from 'kysely';

// Grouping needs into a project claims them first: the primary key on need_id decides, so concurrent
// groupings of one need put it in exactly one project.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('need_claims')
    .addColumn('need_id', 'text', (c) => c.primaryKey().references('needs.id'))
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('need_claims_project').on('need_claims').column('project_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('need_claims').ifExists().execute();
}
