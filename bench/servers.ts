// Real servers for a benchmark: a Temporal dev server and an embedded PostgreSQL in a temporary
// folder, migrated and seeded, torn down by stop().
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { Kysely } from 'kysely';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import type { DB } from '../db/schema.js';
import { seedCodeLists } from '../db/seed-code-lists.js';
import { freePort } from '../scripts/embedded/free-port.js';
import { startEmbeddedPostgres } from '../scripts/embedded/postgres.js';
import { startTemporalDevServer } from '../scripts/embedded/temporal-dev-server.js';

export interface BenchServers {
  db: Kysely<DB>;
  /** The database's connection string, for a second pool. */
  url: string;
  client: Client;
  native: NativeConnection;
  stop(): Promise<void>;
}

export async function startBenchServers(name: string, opts: { temporalDynamicConfig?: readonly string[] } = {}): Promise<BenchServers> {
  // The signals are handled below (servers stopped, then exit), not by the SDK's worker shutdown.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const dir = mkdtempSync(join(tmpdir(), `palermo-${name}-`));
  chmodSync(dir, 0o755); // embedded PostgreSQL runs as its own OS user when we are root
  const temporal = await startTemporalDevServer({ port: await freePort(), dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log'), dynamicConfig: opts.temporalDynamicConfig });
  const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), database: name });
  const db = createDb(pg.url, 20);
  await migrateToLatest(db);
  await seedCodeLists(db);
  const connection = await Connection.connect({ address: temporal.address });
  const native = await NativeConnection.connect({ address: temporal.address });
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await Promise.allSettled([db.destroy(), connection.close(), native.close()]);
      await temporal.stop();
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    })());
  // A bench stopped by a signal (Ctrl-C, kill, timeout) stops its servers too: left running, a Temporal
  // dev server and a PostgreSQL went on for an hour after a killed run, and slowed every bench after it.
  // Listened to for as long as the process lives: a signal often comes twice (to npx or tsx and to this
  // process), and a second one while stopping must not kill it before its servers are down.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      console.error(`${name}: ${signal}, stopping its servers`);
      void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
  return { db, url: pg.url, client: new Client({ connection }), native, stop };
}
