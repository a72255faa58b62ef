import { sql, type Kysely } from 'kysely';

// Money keeps the currency's own decimals (KWD, BHD and others have 3): numeric(21, 3) holds 18 digits
// before the point and 3 after, exactly. pg returns numeric as a string; palermo never parses it to a float.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table projects alter column budget_amount type numeric(21, 3), alter column pledged_amount type numeric(21, 3)`.execute(db);
  await sql`alter table pledges alter column amount type numeric(21, 3)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table pledges alter column amount type numeric(18, 2)`.execute(db);
  await sql`alter table projects alter column budget_amount type numeric(18, 2), alter column pledged_amount type numeric(18, 2)`.execute(db);
}
