import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The project as its workflow holds it (plan, endorsements, activities, assessment…), plus the
  // figures reports filter and sum on.
  await db.schema
    .alterTable('projects')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('budget_amount', 'numeric(18, 2)')
    .addColumn('budget_currency', 'char(3)')
    .addColumn('pledged_amount', 'numeric(18, 2)', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text')
    .execute();

  // Needs adopted from an evaluation's recommendations belong to no project yet.
  await db.schema.alterTable('needs').alterColumn('project_id', (c) => c.dropNotNull()).execute();
  await db.schema.alterTable('needs').addColumn('origin_project_id', 'text', (c) => c.references('projects.id')).execute();

  await db.schema
    .createTable('pledges')
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('donor', 'text', (c) => c.notNull())
    .addColumn('amount', 'numeric(18, 2)', (c) => c.notNull())
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('earmark_priority_area', 'text', (c) => c.references('priority_areas.code'))
    .addColumn('pledged_by', 'text', (c) => c.notNull())
    .addColumn('pledged_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('pledges_pk', ['project_id', 'position'])
    .execute();

  // How an evaluation judged each need of a project. Re-prioritisation reads it (the closed loop).
  await db.schema
    .createTable('need_verdicts')
    .addColumn('need_id', 'text', (c) => c.notNull().references('needs.id'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
    .addColumn('verdict', 'text', (c) => c.notNull().check(sql`verdict in ('MET', 'PARTLY_MET', 'UNMET')`))
    .addColumn('evaluated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('evaluator_subject', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('need_verdicts_pk', ['need_id', 'project_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('need_verdicts').ifExists().execute();
  await db.schema.dropTable('pledges').ifExists().execute();
  await db.schema.alterTable('needs').dropColumn('origin_project_id').execute();
  await db.schema
    .alterTable('projects')
    .dropColumn('details').dropColumn('budget_amount').dropColumn('budget_currency').dropColumn('pledged_amount').dropColumn('merged_into')
    .execute();
}
