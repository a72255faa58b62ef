// `npm run bench:update-costs [-- --workflows 40 --rounds 2 --concurrency 20]`: what an Update costs the
// Temporal server when its task also upserts search attributes, starts a timer (cancelled by the next
// Update), or both, or a child workflow started by the 8th Update and signalled by the 9th (a project's
// evaluation child), or three patches used per workflow (each a marker and the SDK's TemporalChangeVersion
// upsert), beside the bare Update, on the same dev server in the same run. Each side starts
// workflows and sends each ten Updates one after the other; CPU per Update of the Temporal server (from
// /proc) and of this process, throughput, and each side's ratios to the bare one.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from '@temporalio/worker';
import { processCpuNow } from './process-cpu.js';
import { startBenchServers } from './servers.js';
import { alternatingRounds, fmt, percentile, pool } from './stats.js';
import { bumpUpdate, finishUpdate } from './trivial-workflow.js';

const { values } = parseArgs({ options: { workflows: { type: 'string', default: '40' }, rounds: { type: 'string', default: '2' }, concurrency: { type: 'string', default: '20' } } });
const N = Number(values.workflows);
const ROUNDS = Number(values.rounds);
const C = Number(values.concurrency);
const SIDES = {
  trivialCounter: 'bare Update', counterUpserting: '+ upsert search attributes', counterWithTimer: '+ timer (cancelled by the next)', counterUpsertingWithTimer: '+ both',
  counterWithChild: '+ child (per 10: start, signal, end)',
  counterPatched: '+ 3 patches per 10 (marker, upsert)',
} as const;
type Side = keyof typeof SIDES;

const servers = await startBenchServers('bench-update-costs');
const taskQueue = `bench-update-costs-${randomUUID()}`;
const worker = await Worker.create({ connection: servers.native, taskQueue, workflowsPath: fileURLToPath(new URL('./update-cost-workflows.ts', import.meta.url)) });
const running = worker.run();

async function measure(side: Side, n: number) {
  const latencies: number[] = [];
  const temporal = processCpuNow().temporal;
  const own = process.cpuUsage();
  const started = performance.now();
  await pool(n, C, async (i) => {
    const handle = await servers.client.workflow.start(side, { workflowId: `${side}-${i}-${randomUUID()}`, taskQueue });
    for (let k = 0; k < 10; k++) {
      const t = performance.now();
      await (k < 9 ? handle.executeUpdate(bumpUpdate, { args: [1] }) : handle.executeUpdate(finishUpdate));
      latencies.push(performance.now() - t);
    }
  });
  const used = process.cpuUsage(own);
  return { perSecond: latencies.length / ((performance.now() - started) / 1000), p50: percentile(latencies, 50), temporalMs: (processCpuNow().temporal - temporal) / latencies.length, nodeMs: (used.user + used.system) / 1000 / latencies.length };
}

try {
  const sides = Object.keys(SIDES) as Side[];
  console.log(`bench:update-costs: ${ROUNDS} rounds x ${N} workflows x 10 Updates per side, concurrency ${C}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const side of sides) await measure(side, Math.min(N, 10)); // warm-up
  const rounds = await alternatingRounds(sides, ROUNDS, (side) => measure(side, N), (round, figures) => {
    console.log(`round ${round} (load ${loadavg()[0]!.toFixed(1)}):`);
    for (const side of sides) {
      const f = figures[side];
      console.log(`  ${SIDES[side].padEnd(34)} ${f.perSecond.toFixed(1).padStart(6)} updates/s   p50 ${fmt(f.p50).padStart(9)}   CPU per Update: Temporal ${f.temporalMs.toFixed(1)} ms, this process ${f.nodeMs.toFixed(1)} ms`);
    }
  });
  const median = (xs: number[]) => percentile(xs, 50);
  console.log('median of the per-round ratios to the bare Update:');
  for (const side of sides.slice(1)) {
    const tput = median(rounds.map((f) => f[side].perSecond / f.trivialCounter.perSecond));
    const extra = (k: 'temporalMs' | 'nodeMs') => {
      const ms = median(rounds.map((f) => f[side][k] - f.trivialCounter[k]));
      return `${ms >= 0 ? '+' : ''}${ms.toFixed(1)} ms`;
    };
    console.log(`  ${SIDES[side].padEnd(34)} throughput ${tput.toFixed(2)}x, CPU per Update: Temporal ${extra('temporalMs')}, this process ${extra('nodeMs')}`);
  }
} finally {
  worker.shutdown();
  await running;
  await servers.stop();
}
