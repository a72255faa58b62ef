import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Keyset pages of the projects list (api/schema/projects-query.ts): one index per sort order, ending in
  // the id so that a cursor names one place and the next page is an index range scan.
  await sql`CREATE INDEX IF NOT EXISTS projects_filed_at_id_idx ON projects (filed_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS projects_updated_at_id_idx ON projects (updated_at DESC, id DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS projects_updated_at_id_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS projects_filed_at_id_idx`.execute(db);
}
