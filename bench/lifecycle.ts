// `npm run bench:lifecycle [-- --projects 40 --rounds 3 --concurrency 20 --warmup 10 --eager]`: drives
// projects through the whole lifecycle over GraphQL on real servers, beside four floors on the same
// servers in the same run: a bare Temporal update on a trivial workflow, an update that awaits one
// no-op activity (what a transition cost at least while the projection activity ran for every event),
// one that awaits a no-op local activity, and the bare update behind a minimal GraphQL API (token
// check, a row read, the Update, a row written: what any API in front of an Update costs). Each side also prints the CPU it spent per
// transition in this process, the Temporal server and PostgreSQL: on a loaded 2-core machine the
// throughput follows that work. After a warm-up
// the sides run one after the other, in a rotating order, for several rounds; each round's p50, p95 and
// throughput are compared, and the median of the per-round ratios is printed (the machine's load moves
// between rounds, the ratios much less). `--eager` starts the dev server with eager activity dispatch.
// Another side is the lifecycle as it was before the API wrote the read model itself: a second API on
// the same servers whose transitions wait for the workflow's projection (waitForProjectionActivity).
// Another, the lifecycle without the deferred backstop: a third API whose projects start with
// `projectionBackstop: '0s'`, so their workflows schedule the projection activity for every event at once
// (the path before the deferral; same code, servers and run, only the timing in the workflow's input).
// Each lifecycle side also prints its p50 and p95 by transition (which transitions make its p95).
// At the end, a sequential trace of single transitions splits where one transition's time goes.
// `--cpu-prof FILE` then writes a CPU profile (.cpuprofile) of one more lifecycle series, not counted: the
// main thread only (API, activities, the SDK's main thread), not the worker threads that run workflow code.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from '@temporalio/worker';
import { signToken } from '../api/auth.js';
import { startApiServer } from '../api/server.js';
import type { Actor } from '../domain/roles.js';
import type { TransitionName } from '../domain/transitions.js';
import { writeProjectEventsAtOnce } from '../activities/project-events.js';
import { findProject } from '../db/queries/projects.js';
import { actionUpdate } from '../workflows/definitions.js';
import { createProjectWorker } from '../worker/create-worker.js';
import { startGraphqlUpdateFloor } from './graphql-update-floor.js';
import { startBenchServers } from './servers.js';
import { processCpuNow } from './process-cpu.js';
import { fmt, percentile, pool } from './stats.js';
import { bumpUpdate, finishUpdate, floorActivities } from './trivial-workflow.js';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '40' }, rounds: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '10' }, eager: { type: 'boolean', default: false }, 'cpu-prof': { type: 'string' }, sides: { type: 'string' },
  },
});
const N = Number(values.projects);
const ROUNDS = Number(values.rounds);
const C = Number(values.concurrency);
const WARMUP = Number(values.warmup);

const servers = await startBenchServers('bench-lifecycle', { temporalDynamicConfig: values.eager ? ['system.enableActivityEagerExecution=true'] : [] });
const { db, client, native } = servers;
const taskQueue = `bench-${randomUUID()}`;
const worker = await createProjectWorker({ connection: native, db, taskQueue });
const trivialQueue = `${taskQueue}-trivial`;
const trivialWorker = await Worker.create({ connection: native, taskQueue: trivialQueue, workflowsPath: fileURLToPath(new URL('./trivial-workflow.ts', import.meta.url)), activities: floorActivities });
const running = Promise.all([worker.run(), trivialWorker.run()]);
const secret = randomUUID();
// A deadline on Temporal well above the default 10 s: on a machine shared with other test runs a slow
// answer is a figure to report, not a reason to abort the run.
const temporalDeadlineMs = 120_000;
const api = await startApiServer({ db, temporal: client, jwtSecret: secret, lifecycle: { taskQueue, temporalDeadlineMs } }, 0);
const waitingApi = await startApiServer({ db, temporal: client, jwtSecret: secret, lifecycle: { taskQueue, temporalDeadlineMs, waitForProjectionActivity: true } }, 0);
const atOnceApi = await startApiServer({ db, temporal: client, jwtSecret: secret, lifecycle: { taskQueue, temporalDeadlineMs, timings: { projectionBackstop: '0s' } } }, 0);
const graphqlFloor = await startGraphqlUpdateFloor(db, client, secret);

const pm = await signToken(secret, { subject: 'pm-bench', role: 'PROGRAMME_MANAGER' });
// The evaluator comes from the roster: nominated by France's focal point, accepted, independent of Gabon.
const nominated = (await gql(
  'mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { id } } }',
  { input: { name: 'Bench evaluator (invented)', nationality: 'PRT', nominatingState: 'FRA', institution: 'Invented unit', profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [], languages: [{ language: 'fr', level: 'C2' }] } } },
  await signToken(secret, { subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' }),
)) as unknown as { id: string };
const evaluatorActor: Actor = { subject: nominated.id, role: 'EVALUATOR' };
await gql('mutation { acceptNomination { __typename } }', {}, await signToken(secret, { subject: nominated.id, role: 'EXPERT' }));
const evaluator = await signToken(secret, evaluatorActor);
const gab = await signToken(secret, { subject: 'fp-bench', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });

async function gql(query: string, variables: unknown, token: string, url = api.url) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, { __typename: string; message?: string }>; errors?: unknown };
  const result = body.data && Object.values(body.data)[0];
  if (body.errors || !result || result.__typename === 'TransitionRefusedError' || result.__typename.endsWith('Error')) throw new Error(JSON.stringify(body));
  return result;
}
const action = (name: TransitionName) =>
  `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ... on Project { stage } ... on Error { message } } }`;

const latencies: number[] = [];
/** The lifecycle's latencies by transition, to see which ones make its p95. */
const byTransition: Record<string, number[]> = {};
async function timed<T>(run: () => Promise<T>, transition?: string): Promise<T> {
  const started = performance.now();
  const result = await run();
  const ms = performance.now() - started;
  latencies.push(ms);
  if (transition) (byTransition[transition] ??= []).push(ms);
  return result;
}

// S1-like projects (Gabon, PA-A (d), reporting support), carried from filing to CLOSED.
const lifecycleThrough = (url: string) => async (i: number) => {
  const filed = (await gql(
    'mutation($input: FileRequestInput!) { fileRequest(input: $input) { __typename ... on FiledRequest { project { id needs { id } } } } }',
    { input: { state: 'GAB', title: `Reporting support ${i}`, idempotencyKey: `bench-${i}-${randomUUID()}`, needs: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Help to complete the self-assessment checklist (000 fn 5).' }] } },
    gab,
    url,
  )) as unknown as { project: { id: string; needs: { id: string }[] } };
  const projectId = filed.project.id;
  const step = (name: TransitionName, payload: Record<string, unknown> = {}, token = pm) => timed(() => gql(action(name), { input: { projectId, ...payload } }, token, url), name);
  await step('startAssessment');
  await step('startPlanning');
  await step('setPlan', {
    objectives: ['Gabon completes the checklist'], outputs: [],
    outcomes: [{ title: 'Checklist completed', indicators: [{ name: 'checklists completed', unit: 'checklists', baseline: 0, target: 1 }] }],
    formsOfAssistance: ['REPORTING_SUPPORT'], modality: 'NATIONAL', budget: { amount: '10000', currency: 'USD' },
  });
  await step('endorsePlan', {}, gab);
  await step('seekFunding');
  await step('pledge', { donor: 'Invented donor (bench)', amount: '10000', currency: 'USD', kind: 'CASH' });
  await step('startDelivery');
  await step('startEvaluation', { evaluator: evaluatorActor.subject });
  await step('submitOutcomeAssessment', {
    criteria: ['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'].map((criterion) => ({ criterion, rating: 5, rationale: 'bench' })),
    indicatorValues: [{ indicator: 'checklists completed', actual: 1 }],
    needVerdicts: [{ needId: filed.project.needs[0]!.id, verdict: 'MET' }],
    narrative: 'Checklist completed.',
  }, evaluator);
  await step('close');
  return projectId;
};
const TRANSITIONS_PER_PROJECT = 10;

type Side = 'lifecycle' | 'atOnce' | 'waiting' | 'bare' | 'activity' | 'local' | 'graphql';
const ALL_SIDES = ['lifecycle', 'atOnce', 'waiting', 'bare', 'activity', 'local', 'graphql'] as const;
/** `--sides lifecycle,atOnce,bare`: only these, for more rounds in the same time. */
const SIDES: readonly Side[] = values.sides ? ALL_SIDES.filter((s) => values.sides!.split(',').includes(s)) : ALL_SIDES;
const LABELS: Record<Side, string> = {
  lifecycle: 'lifecycle over GraphQL',
  atOnce: 'lifecycle, backstop at once (0s)',
  waiting: 'API waits for the projection',
  bare: 'floor 1: bare update (trivial wf)',
  activity: 'floor 2: update + 1 no-op activity',
  local: 'floor 3: update + 1 no-op local act.',
  graphql: 'floor 4: GraphQL API + bare update',
};
/** CPU time per transition, ms: this process (API, workers, clients), the Temporal server, PostgreSQL. */
interface Cpu { node: number; temporal: number; postgres: number }
interface Figures { p50: number; p95: number; perSecond: number; count: number; cpu: Cpu; byTransition?: Record<string, number[]> }

/** The same shape of work on a trivial workflow: start it, then 10 updates one after the other. */
const floor = (workflowType: 'trivialCounter' | 'counterWithActivity' | 'counterWithLocalActivity') => async (i: number) => {
  const handle = await client.workflow.start(workflowType, { workflowId: `${workflowType}-${i}-${randomUUID()}`, taskQueue: trivialQueue });
  for (let k = 0; k < TRANSITIONS_PER_PROJECT - 1; k++) await timed(() => handle.executeUpdate(bumpUpdate, { args: [1] }));
  await timed(() => handle.executeUpdate(finishUpdate));
};
/**
 * The bare update behind a GraphQL API that does what any such API does and nothing of palermo's: per
 * transition one HTTP request, a token check, a row read, the Update, a row written (graphql-update-floor.ts).
 */
const throughGraphql = async (i: number) => {
  const workflowId = `graphqlFloor-${i}-${randomUUID()}`;
  await client.workflow.start('trivialCounter', { workflowId, taskQueue: trivialQueue });
  await graphqlFloor.addCounter(workflowId);
  for (let k = 0; k < TRANSITIONS_PER_PROJECT; k++) {
    await timed(async () => {
      const response = await fetch(graphqlFloor.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${pm}` }, body: JSON.stringify({ query: 'mutation($id: ID!) { bump(workflowId: $id) }', variables: { id: workflowId } }) });
      const body = (await response.json()) as { data?: { bump?: number }; errors?: unknown };
      if (body.data?.bump !== k + 1) throw new Error(`the GraphQL floor answered ${JSON.stringify(body)}`);
    });
  }
  await client.workflow.getHandle(workflowId).executeUpdate(finishUpdate);
};
const RUN: Record<Side, (i: number) => Promise<unknown>> = { lifecycle: lifecycleThrough(api.url), atOnce: lifecycleThrough(atOnceApi.url), waiting: lifecycleThrough(waitingApi.url), bare: floor('trivialCounter'), activity: floor('counterWithActivity'), local: floor('counterWithLocalActivity'), graphql: throughGraphql };

async function measure(side: Side, n: number): Promise<Figures> {
  latencies.splice(0);
  for (const k of Object.keys(byTransition)) delete byTransition[k];
  const cpuBefore = processCpuNow();
  const started = performance.now();
  await pool(n, C, RUN[side]);
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = processCpuNow();
  const sample = latencies.splice(0);
  const per = (k: keyof Cpu) => (cpuAfter[k] - cpuBefore[k]) / sample.length;
  return { p50: percentile(sample, 50), p95: percentile(sample, 95), perSecond: sample.length / seconds, count: sample.length, cpu: { node: per('node'), temporal: per('temporal'), postgres: per('postgres') }, byTransition: { ...byTransition } };
}
const median = (xs: number[]) => percentile(xs, 50);
const row = (label: string, f: Figures) =>
  `  ${label.padEnd(36)} ${f.perSecond.toFixed(1).padStart(7)} updates/s   p50 ${fmt(f.p50).padStart(9)}   p95 ${fmt(f.p95).padStart(9)}` +
  `   CPU per transition: node ${f.cpu.node.toFixed(1)} ms, Temporal ${f.cpu.temporal.toFixed(1)} ms, PostgreSQL ${f.cpu.postgres.toFixed(1)} ms`;

/**
 * What one project's whole lifecycle leaves in its history, through each API: how many projection
 * activities, timers (the backstop's among them) and workflow tasks the server handled for it.
 */
async function historyPerProject() {
  console.log(`one project's history, filing to CLOSED (${TRANSITIONS_PER_PROJECT} transitions), by side:`);
  for (const side of ['lifecycle', 'atOnce'] as const) {
    const projectId = await lifecycleThrough(side === 'lifecycle' ? api.url : atOnceApi.url)(-1);
    const events = (await client.workflow.getHandle(projectId).fetchHistory()).events ?? [];
    const count = (attributes: keyof (typeof events)[number]) => events.filter((e) => e[attributes]).length;
    const projections = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'projectEvent').length;
    console.log(`  ${LABELS[side].padEnd(36)} ${events.length} events: projection activities ${projections} (activities ${count('activityTaskScheduledEventAttributes')}), workflow tasks ${count('workflowTaskCompletedEventAttributes')}, timers started ${count('timerStartedEventAttributes')} (cancelled ${count('timerCanceledEventAttributes')}, fired ${count('timerFiredEventAttributes')}), search attribute upserts ${count('upsertWorkflowSearchAttributesEventAttributes')}, markers ${count('markerRecordedEventAttributes')}`);
  }
}

/** One more lifecycle series under the main thread's CPU profiler, written to `file`. */
async function profiled(file: string) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const figures = await measure('lifecycle', N);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  console.log(`CPU profile of one more lifecycle series (main thread) in ${file}:\n${row(LABELS.lifecycle, figures)}`);
}

/**
 * Where one transition's time goes: single transitions one after the other (no concurrency), the GraphQL
 * call timed whole on one project, and its parts timed one by one on a twin project at the same stage:
 * the scope read, the Update round trip (answering with its events), the API's own write of them (one
 * statement from the scope read's row; the reread only when that could not be); beside the bare update
 * and the Update that waits for the projection activity (the old path).
 */
async function trace(projects = 8) {
  const parts: Record<string, number[]> = {};
  const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await run();
    (parts[label] ??= []).push(performance.now() - started);
    return result;
  };
  const fileOne = async (i: number) => ((await gql(
    'mutation($input: FileRequestInput!) { fileRequest(input: $input) { __typename ... on FiledRequest { project { id } } } }',
    { input: { state: 'GAB', title: `Trace ${i}`, idempotencyKey: `trace-${i}-${randomUUID()}`, needs: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Trace need.' }] } },
    gab,
  )) as unknown as { project: { id: string } }).project.id;
  const pmActor: Actor = { subject: 'pm-bench', role: 'PROGRAMME_MANAGER' };
  const trivial = await client.workflow.start('trivialCounter', { workflowId: `trace-trivial-${randomUUID()}`, taskQueue: trivialQueue });
  for (let i = 0; i < projects; i++) {
    const [whole, parted, waited] = [await fileOne(i), await fileOne(i), await fileOne(i)];
    for (const name of ['startAssessment', 'startPlanning'] as const) {
      await time('A. GraphQL mutation, whole', () => gql(action(name), { input: { projectId: whole } }, pm));
      const row = (await time('B1. scope read (findProject)', () => findProject(db, parted)))!;
      const answer = await time('B2. Update round trip, answering with its events', () =>
        client.workflow.getHandle(parted).executeUpdate(actionUpdate(name), { args: [{ actor: pmActor, payload: {}, callerProjects: true, projectedUpTo: row.last_event_seq }] }));
      const written = await time('B3. the API writes the events (one statement)', () => writeProjectEventsAtOnce(db, parted, row, answer.events ?? []));
      if (!written) throw new Error(`${name} on ${parted} was not written in one statement`);
      await time('C. floor: bare update', () => trivial.executeUpdate(bumpUpdate, { args: [1] }));
      await time('D. Update waiting for the workflow\'s projection', () =>
        client.workflow.getHandle(waited).executeUpdate(actionUpdate(name), { args: [{ actor: pmActor, payload: {} }] }));
    }
  }
  await trivial.executeUpdate(finishUpdate);
  console.log(`trace of single transitions, one at a time (${projects * 2} each; load ${loadavg()[0]!.toFixed(1)}): median, p95`);
  for (const [label, xs] of Object.entries(parts)) console.log(`  ${label.padEnd(58)} ${fmt(median(xs)).padStart(9)} ${fmt(percentile(xs, 95)).padStart(9)}`);
  const sumB = ['B1. scope read (findProject)', 'B2. Update round trip, answering with its events', 'B3. the API writes the events (one statement)'].reduce((t, k) => t + median(parts[k]!), 0);
  console.log(`  A minus the medians of B1-B3 (HTTP, GraphQL, auth, idempotency; within the noise when near or below zero): ${fmt(median(parts['A. GraphQL mutation, whole']!) - sumB)}`);
}

try {
  console.log(`bench:lifecycle: ${ROUNDS} rounds x ${N} projects (${N * TRANSITIONS_PER_PROJECT} transitions) per side, concurrency ${C}, eager activity dispatch ${values.eager ? 'ON' : 'off'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  // Warm-up: JIT, connection pools, the dev server's caches; not counted.
  for (const side of SIDES) await measure(side, WARMUP);
  const rounds: Record<Side, Figures>[] = [];
  const orders: Side[][] = SIDES.map((_, k) => [...SIDES.slice(k), ...SIDES.slice(0, k)]);
  for (let r = 0; r < ROUNDS; r++) {
    const figures = {} as Record<Side, Figures>;
    for (const side of orders[r % orders.length]!) figures[side] = await measure(side, N);
    rounds.push(figures);
    console.log(`round ${r + 1} (load ${loadavg()[0]!.toFixed(1)}):`);
    for (const side of SIDES) console.log(row(LABELS[side], figures[side]));
  }
  console.log(`medians over ${ROUNDS} rounds:`);
  for (const side of SIDES) {
    const cpu = (k: keyof Cpu) => median(rounds.map((f) => f[side].cpu[k]));
    console.log(row(LABELS[side], { p50: median(rounds.map((f) => f[side].p50)), p95: median(rounds.map((f) => f[side].p95)), perSecond: median(rounds.map((f) => f[side].perSecond)), count: 0, cpu: { node: cpu('node'), temporal: cpu('temporal'), postgres: cpu('postgres') } }));
  }
  const ratio = (a: Side, b: Side) => {
    if (!SIDES.includes(a) || !SIDES.includes(b)) return 'not run';
    const p50 = median(rounds.map((f) => f[a].p50 / f[b].p50));
    const p95 = median(rounds.map((f) => f[a].p95 / f[b].p95));
    const tput = median(rounds.map((f) => f[a].perSecond / f[b].perSecond));
    return `p50 ${p50.toFixed(2)}x, p95 ${p95.toFixed(2)}x, throughput ${tput.toFixed(2)}x`;
  };
  for (const side of ['lifecycle', 'atOnce', 'waiting'] as const) {
    if (!SIDES.includes(side)) continue;
    const all = (name: string) => rounds.flatMap((f) => f[side].byTransition?.[name] ?? []);
    console.log(`${LABELS[side]}, by transition over ${ROUNDS} rounds: p50 / p95 (the side's own p95: ${fmt(median(rounds.map((f) => f[side].p95)))})`);
    for (const name of Object.keys(rounds[0]![side].byTransition ?? {})) console.log(`  ${name.padEnd(26)} ${fmt(percentile(all(name), 50)).padStart(9)} ${fmt(percentile(all(name), 95)).padStart(9)}`);
  }
  console.log('median of the per-round ratios:');
  console.log(`  lifecycle / bare update           ${ratio('lifecycle', 'bare')}   (goal: p50 and p95 <= 1.5x, throughput >= 0.7x)`);
  console.log(`  GraphQL API floor / bare update   ${ratio('graphql', 'bare')}   (what an API in front of the Update costs before palermo does anything)`);
  console.log(`  lifecycle / GraphQL API floor     ${ratio('lifecycle', 'graphql')}`);
  console.log(`  lifecycle / update + activity     ${ratio('lifecycle', 'activity')}`);
  console.log(`  lifecycle / backstop at once      ${ratio('lifecycle', 'atOnce')}`);
  console.log(`  backstop at once / bare update    ${ratio('atOnce', 'bare')}`);
  if (SIDES.includes('lifecycle') && SIDES.includes('atOnce')) {
    const cpuRatio = (k: keyof Cpu | 'all') => median(rounds.map((f) => {
      const of = (s: Side) => (k === 'all' ? f[s].cpu.node + f[s].cpu.temporal + f[s].cpu.postgres : f[s].cpu[k]);
      return of('lifecycle') / of('atOnce');
    })).toFixed(2);
    console.log(`  lifecycle / backstop at once, CPU per transition: all ${cpuRatio('all')}x, node ${cpuRatio('node')}x, Temporal ${cpuRatio('temporal')}x, PostgreSQL ${cpuRatio('postgres')}x`);
  }
  console.log(`  lifecycle / update + local act.   ${ratio('lifecycle', 'local')}`);
  console.log(`  update + activity / bare update   ${ratio('activity', 'bare')}`);
  console.log(`  update + local act. / bare update ${ratio('local', 'bare')}`);
  console.log(`  API waits / bare update           ${ratio('waiting', 'bare')}`);
  console.log(`  lifecycle / API waits             ${ratio('lifecycle', 'waiting')}`);
  await historyPerProject();
  await trace();
  if (values['cpu-prof']) await profiled(values['cpu-prof']);
} catch (err) {
  console.error('bench:lifecycle failed:', err); // printed before the teardown, which may fail noisily
  process.exitCode = 1;
} finally {
  // Leave no server behind, even when a step fails.
  api.server.close();
  waitingApi.server.close();
  atOnceApi.server.close();
  graphqlFloor.close();
  worker.shutdown();
  trivialWorker.shutdown();
  await running;
  await servers.stop();
}
