import { sql, type Kysely } from 'kysely';

// The roster's version (issue 13: matching must not reload the roster per request). Every statement that
// changes what matching reads of the roster (experts, their delivery ratings, accepted invitations, which
// make their workload) bumps one counter, in the writer's transaction, so the new version becomes
// visible exactly when the change does. An API process keeps the roster in memory with the version it
// read before loading it, and reloads when a request reads another: one tiny query per request instead
// of the whole roster, in any number of API processes, and a caller always reads its own writes (which
// a NOTIFY, delivered after the commit, could not promise).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE roster_version (id boolean PRIMARY KEY DEFAULT true CHECK (id), version bigint NOT NULL)`.execute(db);
  await sql`INSERT INTO roster_version (id, version) VALUES (true, 1)`.execute(db);
  await sql`
    CREATE FUNCTION roster_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE roster_version SET version = version + 1;
      RETURN NULL;
    END $$`.execute(db);
  for (const table of ['experts', 'expert_deliveries', 'invitations']) {
    await sql`CREATE TRIGGER ${sql.raw(`roster_version_${table}`)} AFTER INSERT OR UPDATE OR DELETE ON ${sql.table(table)} FOR EACH STATEMENT EXECUTE FUNCTION roster_version_bump()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['experts', 'expert_deliveries', 'invitations']) {
    await sql`DROP TRIGGER IF EXISTS ${sql.raw(`roster_version_${table}`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS roster_version_bump`.execute(db);
  await sql`DROP TABLE IF EXISTS roster_version`.execute(db);
}
