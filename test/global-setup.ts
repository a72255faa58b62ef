// Starts one real Temporal dev server and one embedded PostgreSQL for the whole run, on free ports,
// with their data in a fresh temporary folder. Test files reach them through inject().
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedCodeLists } from '../db/seed-code-lists.js';
import { freePort } from '../scripts/embedded/free-port.js';
import { startEmbeddedPostgres } from '../scripts/embedded/postgres.js';
import { startTemporalDevServer } from '../scripts/embedded/temporal-dev-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const root = mkdtempSync(join(tmpdir(), 'palermo-test-'));
  chmodSync(root, 0o755); // embedded PostgreSQL runs as its own OS user when we are root
  const [temporalPort, pgPort] = [await freePort(), await freePort()];
  const [temporal, postgres] = await Promise.all([
    startTemporalDevServer({ port: temporalPort, dbFile: join(root, 'temporal.db'), logFile: join(root, 'temporal.log') }),
    startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: pgPort, database: 'palermo_test' }),
  ]);
  const db = createDb(postgres.url, 1);
  try {
    await migrateToLatest(db);
    await seedCodeLists(db);
  } finally {
    await db.destroy();
  }
  project.provide('temporalAddress', temporal.address);
  project.provide('databaseUrl', postgres.url);

  return async () => {
    await Promise.allSettled([temporal.stop(), postgres.stop()]);
    rmSync(root, { recursive: true, force: true });
  };
}
