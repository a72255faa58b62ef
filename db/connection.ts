import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

// Return bigint counts as numbers; palermo's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
// NUMERIC stays the exact decimal string pg returns: money is never a float (domain/money.ts).

export function createDb(connectionString: string, max = 10): Kysely<DB> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection dropped by the server (restart, shutdown) must not crash the process;
  // the pool opens a new one on the next query.
  pool.on('error', (err) => console.warn(`palermo: idle database connection closed: ${err.message}`));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}
