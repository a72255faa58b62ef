import { sql, type Kysely } from 'kysely';
import { CODE_LIST_TABLES } from '../schema.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of CODE_LIST_TABLES) {
    await db.schema
      .createTable(table)
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute();
  }
  await db.schema
    .createTable('states')
    .addColumn('code', 'char(3)', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('aliases', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema
    .createTable('state_regions')
    .addColumn('state_code', 'char(3)', (c) => c.notNull().references('states.code'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addPrimaryKeyConstraint('state_regions_pk', ['state_code', 'region_code'])
    .execute();

  await db.schema
    .createTable('projects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('iati_activity_status', 'smallint', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('filed_by_subject', 'text', (c) => c.notNull())
    .addColumn('filed_by_role', 'text', (c) => c.notNull())
    .addColumn('filed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_event_seq', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('projects_stage_idx').on('projects').column('stage').execute();

  await db.schema
    .createTable('project_states')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('state_code', 'char(3)', (c) => c.notNull().references('states.code'))
    .addPrimaryKeyConstraint('project_states_pk', ['project_id', 'state_code'])
    .execute();
  await db.schema.createIndex('project_states_state_idx').on('project_states').column('state_code').execute();

  await db.schema
    .createTable('needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state_code', 'char(3)', (c) => c.notNull().references('states.code'))
    .addColumn('source', 'text', (c) => c.notNull().references('need_sources.code'))
    .addColumn('priority_area', 'text', (c) => c.notNull().references('priority_areas.code'))
    .addColumn('priority_activity', 'text', (c) => c.notNull().references('priority_activities.code'))
    .addColumn('instrument', 'text', (c) => c.notNull().references('instruments.code'))
    .addColumn('article', 'text')
    .addColumn('forms_of_assistance', sql`text[]`, (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull().references('urgencies.code'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('needs_project_idx').on('needs').column('project_id').execute();
  await db.schema.createIndex('needs_priority_area_idx').on('needs').column('priority_area').execute();

  // The audit trail. (project_id, seq) makes a retried projection write nothing twice.
  await db.schema
    .createTable('project_events')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_subject', 'text', (c) => c.notNull())
    .addColumn('actor_role', 'text', (c) => c.notNull())
    .addColumn('actor_state', 'char(3)')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_events_pk', ['project_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['project_events', 'needs', 'project_states', 'projects', 'state_regions', 'states', ...CODE_LIST_TABLES.slice().reverse()]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
