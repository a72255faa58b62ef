import { sql, type Kysely } from 'kysely';

// Every projected event of a project NOTIFYs 'palermo_project_changed' with the project's id, stage and
// event seq (JSON), sent when the projection's transaction commits. Each API process LISTENs on it
// (api/live/project-changes.ts) and feeds the projectChanged subscription, so a change made through any
// process, or by the worker's timers, reaches every subscriber. A trigger, so no writer can forget it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function palermo_notify_project_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('palermo_project_changed', json_build_object('projectId', new.id, 'stage', new.stage, 'seq', new.last_event_seq)::text);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger projects_notify_changed
    after insert or update of last_event_seq on projects
    for each row execute function palermo_notify_project_changed()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists projects_notify_changed on projects`.execute(db);
  await sql`drop function if exists palermo_notify_project_changed()`.execute(db);
}
