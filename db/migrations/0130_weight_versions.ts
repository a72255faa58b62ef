import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A weight set also weighs instruments (UNTOC and its Protocols), and names the day its decision took
  // effect: the set in force on a day is the latest decided on or before it. Sets recorded before this
  // migration took effect when they were recorded.
  await db.schema
    .alterTable('priority_weight_sets')
    .addColumn('instrument_weights', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('decided_on', 'date')
    .execute();
  await sql`UPDATE priority_weight_sets SET decided_on = (set_at AT TIME ZONE 'UTC')::date WHERE decided_on IS NULL`.execute(db);
  await sql`ALTER TABLE priority_weight_sets ALTER COLUMN decided_on SET NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('priority_weight_sets').dropColumn('instrument_weights').dropColumn('decided_on').execute();
}
