import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A snapshot is a frozen copy of a run's ranking: its entries name needs as they stood then, and are
  // written once, from needs the same run has just read (and needs are never deleted). The foreign key
  // from its entries to needs protected nothing, yet made PostgreSQL look up the need of every entry as
  // it was written (100,000 lookups per run at 100,000 open needs, the largest part of the ranking step).
  await sql`ALTER TABLE priority_snapshot_entries DROP CONSTRAINT IF EXISTS priority_snapshot_entries_need_id_fkey`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE priority_snapshot_entries ADD CONSTRAINT priority_snapshot_entries_need_id_fkey FOREIGN KEY (need_id) REFERENCES needs (id)`.execute(db);
}
