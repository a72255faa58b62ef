// `npm run bench:workflow-start [-- --workflows 150 --rounds 2 --concurrency 10]`: what starting one
// workflow costs the worker, by how its bundle loads modules. Each side runs the same workflow (it
// returns at once) on real servers: from a bundle of it alone (the floor), from a bundle with palermo's
// workflows where each workflow evaluates their modules again (zod, every action's schema: the worker's
// default), and from the same bundle with SHARED_WORKFLOW_MODULES evaluated once per worker thread
// (what createProjectWorker does). Every project starts two workflows (its own and its evaluation), and a
// workflow evicted from the cache starts again when it next has work.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from '@temporalio/worker';
import { SHARED_WORKFLOW_MODULES } from '../worker/create-worker.js';
import { startBenchServers } from './servers.js';
import { alternatingRounds, fmt, percentile, pool } from './stats.js';

const { values } = parseArgs({ options: { workflows: { type: 'string', default: '150' }, rounds: { type: 'string', default: '2' }, concurrency: { type: 'string', default: '10' } } });
const N = Number(values.workflows);
const ROUNDS = Number(values.rounds);
const C = Number(values.concurrency);

type Side = 'floor' | 'perWorkflow' | 'shared';
const LABELS: Record<Side, string> = {
  floor: 'floor: a bundle of that workflow alone',
  perWorkflow: "palermo's modules, evaluated per workflow",
  shared: "palermo's modules, shared (createProjectWorker)",
};
const path = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const servers = await startBenchServers('bench-workflow-start');
const workers = {} as Record<Side, { taskQueue: string; worker: Worker }>;
for (const [side, options] of [
  ['floor', { workflowsPath: path('./trivial-workflow.ts') }],
  ['perWorkflow', { workflowsPath: path('./workflow-start-workflows.ts') }],
  ['shared', { workflowsPath: path('./workflow-start-workflows.ts'), bundlerOptions: { preloadModules: SHARED_WORKFLOW_MODULES } }],
] as const) {
  const taskQueue = `bench-start-${side}-${randomUUID()}`;
  workers[side] = { taskQueue, worker: await Worker.create({ connection: servers.native, taskQueue, ...options }) };
}
const running = Promise.all(Object.values(workers).map((w) => w.worker.run()));

/** N workflows run to their end; CPU of this process (client, worker and its workflow threads) per workflow. */
async function measure(side: Side, n: number) {
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  await pool(n, C, async (i) => {
    const t = performance.now();
    await servers.client.workflow.execute('returnAtOnce', { workflowId: `${side}-${i}-${randomUUID()}`, taskQueue: workers[side].taskQueue });
    latencies.push(performance.now() - t);
  });
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000 / n, perSecond: n / ((performance.now() - started) / 1000), p50: percentile(latencies, 50) };
}

try {
  const sides = Object.keys(LABELS) as Side[];
  console.log(`bench:workflow-start: ${ROUNDS} rounds x ${N} workflows per side, concurrency ${C}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const side of sides) await measure(side, Math.min(N, 20)); // warm-up: JIT, the bundles' first contexts
  const rounds = await alternatingRounds(sides, ROUNDS, (side) => measure(side, N), (round, figures) => {
    console.log(`round ${round} (load ${loadavg()[0]!.toFixed(1)}):`);
    for (const side of sides) console.log(`  ${LABELS[side].padEnd(50)} node CPU per workflow ${fmt(figures[side].cpuMs).padStart(9)}   ${figures[side].perSecond.toFixed(1).padStart(6)} workflows/s   p50 ${fmt(figures[side].p50)}`);
  });
  const median = (xs: number[]) => percentile(xs, 50);
  const cpu = (side: Side) => median(rounds.map((f) => f[side].cpuMs));
  console.log('medians:');
  console.log(`  CPU per workflow: floor ${fmt(cpu('floor'))}, per workflow ${fmt(cpu('perWorkflow'))}, shared ${fmt(cpu('shared'))}`);
  console.log(`  palermo's modules add per workflow: evaluated per workflow ${fmt(cpu('perWorkflow') - cpu('floor'))}, shared ${fmt(cpu('shared') - cpu('floor'))}; shared / per workflow ${(cpu('shared') / cpu('perWorkflow')).toFixed(2)}x`);
} finally {
  for (const { worker } of Object.values(workers)) worker.shutdown();
  await running;
  await servers.stop();
}
