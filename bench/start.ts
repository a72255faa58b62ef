// `npm run bench:start [-- --rounds 2]`: how long `npm start` takes to be ready on an existing data
// folder, alternately under tsx (scripts/start.ts and its API and worker children compiled at start, as
// before) and from the precompiled server code (scripts/start.mjs: .build/node, scripts/node-build.mjs),
// both with the prebuilt workflow bundle, on free ports and a temporary data folder (a first start
// creates it and is not counted). The ready time is taken here, from the spawn to the ready line (module
// loading included); each start's own phase timings are printed beside it.
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

type How = 'tsx' | 'prebuilt';
async function start(label: string, how: How): Promise<Start> {
  const ports = { PORT: String(await freePort()), PALERMO_TEMPORAL_PORT: String(await freePort()), PALERMO_PG_PORT: String(await freePort()) };
  const args = how === 'tsx' ? ['--import', 'tsx', 'scripts/start.ts'] : ['scripts/start.mjs'];
  const spawned = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...ports, PALERMO_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 300_000;
  while (!out.includes('Ctrl-C stops everything')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${label}: npm start did not get ready:\n${out}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const ready = (performance.now() - spawned) / 1000;
  child.kill('SIGINT');
  await exited;
  const line = (re: RegExp) => out.match(re)?.[1] ?? '?';
  const result = { ready, phases: line(/start-up phases \(s since start\): (.*)/), bundle: line(/workflow bundle (.*)/), worker: line(/palermo worker: (created in .*)/) };
  console.log(`${label.padEnd(34)} ready in ${result.ready.toFixed(1)} s from the spawn (its own line: ${line(/ready in ([\d.]+) s/)} s; load ${loadavg()[0]!.toFixed(1)})`);
  console.log(`  phases: ${result.phases}`);
  console.log(`  bundle: ${result.bundle}; worker ${result.worker}`);
  return result;
}

try {
  console.log(`bench:start: npm start on an existing data folder (${dataDir}); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  await start('first start (creates the data)', 'prebuilt');
  const before: number[] = [];
  const after: number[] = [];
  for (let r = 0; r < Number(values.rounds); r++) {
    before.push((await start('under tsx (as before)', 'tsx')).ready);
    after.push((await start('precompiled (.build/node)', 'prebuilt')).ready);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
  console.log(`median ready time: under tsx ${median(before).toFixed(1)} s, precompiled ${median(after).toFixed(1)} s (ratio ${(median(after) / median(before)).toFixed(2)}x; goal < 5 s); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
