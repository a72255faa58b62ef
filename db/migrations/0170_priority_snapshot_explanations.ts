import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A snapshot's entries share a few thousand explanations (4,654 among 100,000 synthetic needs, 311 bytes
  // each on average): each is written once per snapshot here, and an entry names it by the key the needs
  // pool's ranking gave it (0150), instead of carrying its own copy. Entries written before this, and by
  // the single-activity path of runs begun before paging, keep their parts inline (parts_key null).
  await sql`
    CREATE TABLE priority_snapshot_explanations (
      snapshot_id integer NOT NULL,
      parts_key text NOT NULL,
      parts jsonb NOT NULL,
      PRIMARY KEY (snapshot_id, parts_key)
    )`.execute(db);
  await sql`ALTER TABLE priority_snapshot_entries ADD COLUMN parts_key text`.execute(db);
  await sql`ALTER TABLE priority_snapshot_entries ALTER COLUMN parts DROP NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE priority_snapshot_entries e SET parts = x.parts FROM priority_snapshot_explanations x
    WHERE e.parts IS NULL AND x.snapshot_id = e.snapshot_id AND x.parts_key = e.parts_key`.execute(db);
  await sql`ALTER TABLE priority_snapshot_entries ALTER COLUMN parts SET NOT NULL`.execute(db);
  await sql`ALTER TABLE priority_snapshot_entries DROP COLUMN parts_key`.execute(db);
  await sql`DROP TABLE priority_snapshot_explanations`.execute(db);
}
