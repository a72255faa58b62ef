// `npm run bench:priorities [-- --sizes 10000,100000,1000000 --compare-up-to 100000 --lanes 2]`: times a
// re-prioritisation run (the Temporal workflow and its paged activities, on real servers, the worker in
// this process) over pools of open needs and prints time and peak added memory (RSS sampled every
// 20 ms during the run, above the RSS just before it): in one lane and in --lanes lanes, twice each,
// alternately, on the same data. Up to --compare-up-to needs, the previous approach (one activity
// loading and ranking the whole pool, called in-process) runs beside it. --phases adds runs of the same
// activities called in-process (no Temporal), timed step by step, in one lane and in --lanes;
// --phases-only runs those alone (no workflow, no comparison).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createNeedsPoolActivities } from '../activities/needs-pool.js';
import { createReprioritisationPageActivities, type ReprioritisationPhase } from '../activities/reprioritisation-pages.js';
import { PRIORITY_ACTIVITIES, PRIORITY_AREAS, STATES, URGENCIES } from '../domain/code-lists/index.js';
import { DEFAULT_LANES, laneCountProblem } from '../domain/pool-lanes.js';
import { NEEDS_PAGE_SIZE } from '../workflows/reprioritisation.js';
import { createProjectWorker } from '../worker/create-worker.js';
import { processCpuNow, totalCpu } from './process-cpu.js';
import { startBenchServers } from './servers.js';
import { pick } from './synthetic-needs.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '10000,100000' }, 'compare-up-to': { type: 'string', default: '100000' }, phases: { type: 'boolean', default: false }, 'phases-only': { type: 'boolean', default: false }, lanes: { type: 'string', default: String(DEFAULT_LANES) } } });
const sizes = values.sizes.split(',').map(Number);
const compareUpTo = Number(values['compare-up-to']);
const lanes = Number(values.lanes);
if (laneCountProblem(lanes)) throw new Error(`--${laneCountProblem(lanes)}`);

const servers = await startBenchServers('bench-priorities');
const { db, client, native } = servers;
const taskQueue = `bench-${randomUUID()}`;
const worker = await createProjectWorker({ connection: native, db, taskQueue });
const running = worker.run();
const MiB = 2 ** 20;
const cores = availableParallelism();

/** CPU seconds the whole machine spent busy so far (every process: node, PostgreSQL, Temporal, and anything else running). */
function machineBusySeconds(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks as number[];
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return NaN; // not Linux
  }
}

/** CPU seconds this process and every process it started (PostgreSQL and its backends, the Temporal dev server) have spent so far. */
const ownCpuSeconds = () => totalCpu(processCpuNow()) / 1000;

/** Runs `task` and returns its time, the peak RSS above the RSS at its start, and the machine's busy CPU time meanwhile. */
async function measured<T>(task: () => Promise<T>): Promise<{ result: T; seconds: number; peakMiB: number; machineCpu: number; ownCpu: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const busy = machineBusySeconds();
  const own = ownCpuSeconds();
  const started = performance.now();
  try {
    const result = await task();
    return { result, seconds: (performance.now() - started) / 1000, peakMiB: (Math.max(peak, process.memoryUsage.rss()) - before) / MiB, machineCpu: machineBusySeconds() - busy, ownCpu: ownCpuSeconds() - own };
  } finally {
    clearInterval(sampler);
  }
}

/** Sum of each activity type's run time (started to completed) in a workflow's history. */
async function activityTimes(workflowId: string): Promise<string> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const ms = (t: { seconds?: unknown; nanos?: number | null } | null | undefined) => Number(t?.seconds ?? 0) * 1000 + (t?.nanos ?? 0) / 1e6;
  const byEvent = new Map<number, { type: string; started?: number }>();
  const totals = new Map<string, { ms: number; n: number }>();
  for (const e of history.events ?? []) {
    const id = Number(e.eventId);
    if (e.activityTaskScheduledEventAttributes) byEvent.set(id, { type: e.activityTaskScheduledEventAttributes.activityType!.name! });
    if (e.activityTaskStartedEventAttributes) byEvent.get(Number(e.activityTaskStartedEventAttributes.scheduledEventId))!.started = ms(e.eventTime);
    if (e.activityTaskCompletedEventAttributes) {
      const a = byEvent.get(Number(e.activityTaskCompletedEventAttributes.scheduledEventId))!;
      const t = totals.get(a.type) ?? { ms: 0, n: 0 };
      totals.set(a.type, { ms: t.ms + ms(e.eventTime) - (a.started ?? ms(e.eventTime)), n: t.n + 1 });
    }
  }
  return [...totals].map(([type, t]) => `${type} ${(t.ms / 1000).toFixed(2)} s (x${t.n})`).join(', ');
}

/** The workflow's steps called in-process, each step's time summed over the run's pages (over every lane's: they overlap). */
async function phasesInProcess(size: number, lanes: number): Promise<string> {
  const spent = new Map<ReprioritisationPhase, { ms: number; n: number }>();
  const acts = createReprioritisationPageActivities(db, { onPhase: (phase, ms) => spent.set(phase, { ms: (spent.get(phase)?.ms ?? 0) + ms, n: (spent.get(phase)?.n ?? 0) + 1 }) });
  const run = { workflowId: `bench-phases-${size}-${randomUUID()}`, trigger: 'ON_DEMAND', at: new Date().toISOString() };
  const walBefore = (await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(db)).rows[0]!.lsn;
  const cpuBefore = process.cpuUsage();
  const busyBefore = machineBusySeconds();
  const ownBefore = ownCpuSeconds();
  const started = performance.now();
  const prepared = await acts.prepareReprioritisation(run);
  if ('done' in prepared) throw new Error('a fresh run found a snapshot');
  await Promise.all((await acts.planReprioritisationLanes({ lanes })).map(async (lane) => {
    for (let after: string | null = null; ; ) {
      const page = await acts.prioritiseNeedsPage({ run, weights: prepared.inputs.weights, instrumentWeights: prepared.inputs.instrumentWeights ?? {}, after, limit: NEEDS_PAGE_SIZE, lane });
      after = page.last;
      if (page.last === null || page.read < NEEDS_PAGE_SIZE) break;
    }
  }));
  await acts.recordReprioritisation({ run, inputs: prepared.inputs });
  const total = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const busy = machineBusySeconds() - busyBefore;
  const own = ownCpuSeconds() - ownBefore;
  // WAL written and this process's CPU time: measures of the work done that the machine's load does not inflate much.
  const wal = (await sql<{ bytes: string }>`select pg_wal_lsn_diff(pg_current_wal_lsn(), ${walBefore}::pg_lsn)::text as bytes`.execute(db)).rows[0]!.bytes;
  return `${total.toFixed(2)} s in all (WAL ${(Number(wal) / MiB).toFixed(0)} MiB, node CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, CPU: this bench's processes ${own.toFixed(2)} s, others ${(busy - own).toFixed(2)} s, of ${(cores * total).toFixed(2)}): ` + [...spent].map(([phase, t]) => `${phase} ${(t.ms / 1000).toFixed(2)} s${t.n > 1 ? ` (x${t.n})` : ''}`).join(', ');
}

/** One run of the workflow on the bench's worker. */
function runWorkflow(size: number, lanes: number, workflowId = `bench-reprioritisation-${size}-${lanes}-${randomUUID()}`): Promise<{ openNeeds: number }> {
  return client.workflow.execute('reprioritisation', { workflowId, taskQueue, args: [{ trigger: 'ON_DEMAND', lanes }] }) as Promise<{ openNeeds: number }>;
}

try {
  let inserted = 0;
  console.log(`bench:priorities: re-prioritisation over synthetic open needs (invented rows drawn from the code lists, inserted in bulk); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const size of sizes) {
    // Grow the pool to `size` open needs (no project yet, like questionnaire needs), in bulk: one statement of arrays per 20,000 rows.
    const seeding = performance.now();
    for (; inserted < size; inserted += 20_000) {
      const ids = Array.from({ length: Math.min(20_000, size - inserted) }, (_, k) => inserted + k);
      await sql`
        insert into needs (id, project_id, position, state_code, source, priority_area, priority_activity, instrument, article, forms_of_assistance, urgency, description, created_at)
        select 'bench-need-' || i, null, 0, s, 'QUESTIONNAIRE_RESPONSE', a, act, 'UNTOC', null, array['TRAINING_NATIONAL'], u, 'Synthetic need ' || i, c
        from unnest(${ids}::int[], ${ids.map((i) => pick(STATES, i).code)}::text[], ${ids.map((i) => pick(PRIORITY_AREAS, i).code)}::text[],
                    ${ids.map((i) => pick(PRIORITY_ACTIVITIES, i * 7).code)}::text[], ${ids.map((i) => pick(URGENCIES, i * 3).code)}::text[],
                    ${ids.map((i) => new Date(Date.UTC(2007, 0, 1) + (i % 2000) * 86_400_000).toISOString())}::timestamptz[]) as t(i, s, a, act, u, c)`.execute(db);
    }
    inserted = size;
    await sql`analyze needs`.execute(db);
    console.log(`${String(size).padStart(8)} open needs (pool grown in ${((performance.now() - seeding) / 1000).toFixed(1)} s; load ${loadavg()[0]!.toFixed(1)}):`);
    if (values.phases || values['phases-only']) {
      // The first run after the pool grew writes every new need's ranking; the next ones are the daily case.
      console.log(`  in-process, step by step, first run, 1 lane (load ${loadavg()[0]!.toFixed(1)}): ${await phasesInProcess(size, 1)}`);
      for (const n of [1, lanes]) console.log(`  in-process, step by step, next run, ${n} lane${n > 1 ? 's' : ' '} (load ${loadavg()[0]!.toFixed(1)}): ${await phasesInProcess(size, n)}`);
    } else {
      const first = await measured(() => runWorkflow(size, lanes));
      console.log(`  first run after the pool grew (every need new to the ranking), ${lanes} lanes: ${first.seconds.toFixed(2)} s`);
    }
    if (values['phases-only']) continue;
    // One lane and --lanes alternately, twice each, on the same pool (each a next run: the ranking written).
    const runs: { lanes: number; seconds: number; peakMiB: number }[] = [];
    for (const n of [1, lanes, 1, lanes]) {
      const load = loadavg()[0]!;
      const workflowId = `bench-reprioritisation-${size}-${n}-${randomUUID()}`;
      const paged = await measured(() => runWorkflow(size, n, workflowId));
      runs.push({ lanes: n, seconds: paged.seconds, peakMiB: paged.peakMiB });
      console.log(`  paged workflow (10,000 a page), ${n} lane${n > 1 ? 's' : ' '}: ${paged.seconds.toFixed(2).padStart(7)} s  (${Math.round(paged.result.openNeeds / paged.seconds)} needs/s)   peak added RSS ${paged.peakMiB.toFixed(0).padStart(4)} MiB   load ${load.toFixed(1)}, CPU: this bench's processes ${paged.ownCpu.toFixed(2)} s, others ${(paged.machineCpu - paged.ownCpu).toFixed(2)} s, of ${(cores * paged.seconds).toFixed(2)}`);
      console.log(`    where the time went (activity started -> completed, from the history): ${await activityTimes(workflowId)}`);
    }
    const best = (n: number) => runs.filter((r) => r.lanes === n).reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const peak = (n: number) => Math.max(...runs.filter((r) => r.lanes === n).map((r) => r.peakMiB));
    const paged = best(lanes);
    console.log(`  ${lanes} lanes/1 lane (best of 2 each): time ${(paged.seconds / best(1).seconds).toFixed(2)}x (${paged.seconds.toFixed(2)} vs ${best(1).seconds.toFixed(2)} s), peak added RSS (highest of 2) ${peak(lanes).toFixed(0)} vs ${peak(1).toFixed(0)} MiB`);
    if (size <= compareUpTo) {
      const whole = await measured(() => createNeedsPoolActivities(db).recomputePriorities({ workflowId: `bench-whole-${size}-${randomUUID()}`, trigger: 'ON_DEMAND', at: new Date().toISOString() }));
      console.log(`  before: one activity, whole pool:     ${whole.seconds.toFixed(2).padStart(7)} s  (${Math.round(whole.result.openNeeds / whole.seconds)} needs/s)   peak added RSS ${whole.peakMiB.toFixed(0).padStart(4)} MiB`);
      console.log(`  paged (${lanes} lanes)/before: time ${(paged.seconds / whole.seconds).toFixed(2)}x, peak added memory ${(peak(lanes) / Math.max(1, whole.peakMiB)).toFixed(2)}x`);
    }
  }
} finally {
  worker.shutdown();
  await running;
  await servers.stop();
}
