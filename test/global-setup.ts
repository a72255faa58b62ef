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
  const pgPort = await freePort();
  // A free port can be taken again before the server binds it (and the dev server opens more than one):
  // an early exit gets one more try on fresh ports, with its own database file, and says why it failed.
  const startTemporal = async () => {
    try {
      return await startTemporalDevServer({ port: await freePort(), dbFile: join(root, 'temporal.db'), logFile: join(root, 'temporal.log') });
    } catch (err) {
      console.warn(`global setup: ${err instanceof Error ? err.message : String(err)}; trying once more on another port`);
      return startTemporalDevServer({ port: await freePort(), dbFile: join(root, 'temporal-2.db'), logFile: join(root, 'temporal-2.log') });
    }
  };
  const started = await Promise.allSettled([
    startTemporal(),
    startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: pgPort, database: 'palermo_test' }),
  ]);
  const teardown = async () => {
    await Promise.allSettled(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    rmSync(root, { recursive: true, force: true });
  };
  const [temporal, postgres] = started;
  if (temporal.status === 'rejected' || postgres.status === 'rejected') {
    await teardown(); // leave no server behind when the other one failed
    throw temporal.status === 'rejected' ? temporal.reason : (postgres as PromiseRejectedResult).reason;
  }
  const db = createDb(postgres.value.url, 1);
  try {
    await migrateToLatest(db);
    await seedCodeLists(db);
  } catch (err) {
    await teardown();
    throw err;
  } finally {
    await db.destroy();
  }
  project.provide('temporalAddress', temporal.value.address);
  project.provide('databaseUrl', postgres.value.url);
  return teardown;
}
