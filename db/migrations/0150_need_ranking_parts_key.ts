import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The key of a ranked need's explanation (a digest of its parts as domain/priority.ts writes them), so a
  // re-prioritisation page can tell in process which priorities changed and send PostgreSQL only those.
  // Rows written before this carry none: the next run treats them as changed and writes it.
  await sql`ALTER TABLE need_ranking ADD COLUMN parts_key text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE need_ranking DROP COLUMN IF EXISTS parts_key`.execute(db);
}
