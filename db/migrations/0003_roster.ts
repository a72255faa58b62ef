import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('nationality', 'text', (c) => c.notNull())
    .addColumn('nominating_state', 'text', (c) => c.notNull())
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('profile', 'jsonb', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('expert_history')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('by_subject', 'text', (c) => c.notNull())
    .addColumn('by_role', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expert_history_expert').on('expert_history').column('expert_id').execute();
  await db.schema
    .createTable('expert_deliveries')
    .addColumn('expert_id', 'text', (c) => c.notNull().references('experts.id'))
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('expert_deliveries_pk', ['expert_id', 'project_id'])
    .execute();
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('need_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('candidates', sql`text[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('expert_id', 'text')
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('invitation_events')
    .addColumn('invitation_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('expert_id', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('invitation_events_pk', ['invitation_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['invitation_events', 'invitations', 'expert_deliveries', 'expert_history', 'experts']) await db.schema.dropTable(t).ifExists().execute();
}
