import { sql, type Kysely } from 'kysely';

// The needs pool served from a materialised ranking (issue 13): one row per open need with its current
// priority and parts, computed by domain/priority.ts (the one rule) in db/queries/need-ranking.ts, and
// indexed in ranking order so a page of needPool is one index range scan.
//
// Every write that can change a need's priority or its place in the pool marks the need stale here, by
// trigger, whatever wrote it (API, workflow projections, imports, merges): a need inserted or changed, its
// project's stage changed, a verdict given, new Conference weights (then every need). The next reader,
// or the re-prioritisation run, recomputes the stale needs before it reads, so a page is never older
// than the writes committed before it began. TIME_WAITING grows with the clock: it is as of the need's
// last refresh (computed_at), and the scheduled re-prioritisation refreshes every need.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE need_ranking (
      need_id text PRIMARY KEY REFERENCES needs (id) ON DELETE CASCADE,
      state_code text NOT NULL,
      priority_area text NOT NULL,
      score numeric(8, 1) NOT NULL,
      -- The ranking order ascending: highest score, then longest waiting, then id in code-point order
      -- (domain/priority.ts rankNeeds), so keyset pages compare one row value.
      sort_score numeric(8, 1) GENERATED ALWAYS AS (-score) STORED,
      identified_at timestamptz NOT NULL,
      parts jsonb NOT NULL,
      computed_at timestamptz NOT NULL
    )`.execute(db);
  // The id compared in code-point order (COLLATE "C"), as domain/priority.ts breaks the last tie.
  await sql`CREATE INDEX need_ranking_order_idx ON need_ranking (sort_score, identified_at, (need_id COLLATE "C"))`.execute(db);
  await sql`CREATE INDEX need_ranking_state_order_idx ON need_ranking (state_code, sort_score, identified_at, (need_id COLLATE "C"))`.execute(db);
  await sql`CREATE INDEX need_ranking_area_order_idx ON need_ranking (priority_area, sort_score, identified_at, (need_id COLLATE "C"))`.execute(db);

  await sql`CREATE TABLE need_ranking_stale (need_id text PRIMARY KEY)`.execute(db);

  await markStaleFunction('need_ranking_mark_need', 'VALUES (NEW.id)').execute(db);
  await sql`CREATE TRIGGER need_ranking_need_changed AFTER INSERT OR UPDATE ON needs FOR EACH ROW EXECUTE FUNCTION need_ranking_mark_need()`.execute(db);

  await markStaleFunction('need_ranking_mark_project', 'SELECT id FROM needs WHERE project_id = NEW.id').execute(db);
  await sql`
    CREATE TRIGGER need_ranking_project_stage AFTER UPDATE OF stage ON projects
    FOR EACH ROW WHEN (OLD.stage IS DISTINCT FROM NEW.stage) EXECUTE FUNCTION need_ranking_mark_project()`.execute(db);

  await markStaleFunction('need_ranking_mark_verdict', 'VALUES (NEW.need_id)').execute(db);
  await sql`CREATE TRIGGER need_ranking_verdict AFTER INSERT OR UPDATE ON need_verdicts FOR EACH ROW EXECUTE FUNCTION need_ranking_mark_verdict()`.execute(db);

  await markStaleFunction('need_ranking_mark_all', 'SELECT id FROM needs').execute(db);
  await sql`CREATE TRIGGER need_ranking_weights AFTER INSERT ON priority_weight_sets FOR EACH STATEMENT EXECUTE FUNCTION need_ranking_mark_all()`.execute(db);

  // Needs that exist when this runs are ranked by the first reader.
  await sql`INSERT INTO need_ranking_stale (need_id) SELECT id FROM needs`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS need_ranking_weights ON priority_weight_sets`.execute(db);
  await sql`DROP TRIGGER IF EXISTS need_ranking_verdict ON need_verdicts`.execute(db);
  await sql`DROP TRIGGER IF EXISTS need_ranking_project_stage ON projects`.execute(db);
  await sql`DROP TRIGGER IF EXISTS need_ranking_need_changed ON needs`.execute(db);
  await sql`DROP FUNCTION IF EXISTS need_ranking_mark_all, need_ranking_mark_verdict, need_ranking_mark_project, need_ranking_mark_need`.execute(db);
  await sql`DROP TABLE IF EXISTS need_ranking_stale`.execute(db);
  await sql`DROP TABLE IF EXISTS need_ranking`.execute(db);
}

/**
 * A trigger function that marks needs stale: `rows` names them (a VALUES row or a SELECT of need ids).
 * Written once for the four triggers of up(); the SQL it builds is the very text each one had written out
 * (this migration has run on existing databases, so what it creates must not change).
 */
function markStaleFunction(name: string, rows: string) {
  return sql`
    CREATE FUNCTION ${sql.raw(name)}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO need_ranking_stale (need_id) ${sql.raw(rows)} ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`;
}
