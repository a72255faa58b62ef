import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // How an evaluation judged each need of a project (issue: closed loop). Priorities read it.
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
}
