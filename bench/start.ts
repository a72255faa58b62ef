// `npm run bench:start [-- --rounds 2]`: how long `npm start` takes to be ready on an existing data
// folder, with the workflow code bundled by the worker at start (PALERMO_PREBUILT_WORKFLOWS=false, as
// before the prebuilt bundle) and from the prebuilt bundle, alternately, on free ports and a temporary
// data folder (a first start creates it and is not counted). Prints each start's phase timings.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort } from '../scripts/embedded/free-port.js';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '2' } } });
const root = resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'palermo-bench-start-'));
chmodSync(dataDir, 0o755); // embedded PostgreSQL runs as its own OS user when we are root

interface Start { ready: number; phases: string; bundle: string; worker: string }

async function start(label: string, env: Record<string, string>): Promise<Start> {
  const ports = { PORT: String(await freePort()), PALERMO_TEMPORAL_PORT: String(await freePort()), PALERMO_PG_PORT: String(await freePort()) };
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: root, env: { ...process.env, ...ports, PALERMO_DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 300_000;
  while (!out.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${label}: npm start did not get ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGINT');
  await exited;
  const line = (re: RegExp) => out.match(re)?.[1] ?? '?';
  const result = { ready: Number(line(/ready in ([\d.]+) s/)), phases: line(/start-up phases \(s since start\): (.*)/), bundle: line(/workflow bundle (.*)/), worker: line(/palermo worker: (created in .*)/) };
  console.log(`${label.padEnd(34)} ready in ${result.ready.toFixed(1)} s  (load ${loadavg()[0]!.toFixed(1)})`);
  console.log(`  phases: ${result.phases}`);
  console.log(`  bundle: ${result.bundle}; worker ${result.worker}`);
  return result;
}

try {
  console.log(`bench:start: npm start on an existing data folder (${dataDir}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await start('first start (creates the data)', {});
  const before: number[] = [];
  const after: number[] = [];
  for (let r = 0; r < Number(values.rounds); r++) {
    before.push((await start('bundled at start (as before)', { PALERMO_PREBUILT_WORKFLOWS: 'false' })).ready);
    after.push((await start('prebuilt bundle', {})).ready);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
  console.log(`median ready time: bundled at start ${median(before).toFixed(1)} s, prebuilt ${median(after).toFixed(1)} s (ratio ${(median(after) / median(before)).toFixed(2)}x; goal < 5 s)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
