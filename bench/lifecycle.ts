// `npm run bench:lifecycle [-- --projects 200 --concurrency 20]`: drives projects through the whole
// lifecycle over GraphQL on real servers and prints throughput and transition latency, beside the same
// number of bare Temporal updates on a trivial workflow, and the ratio of the two.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from '@temporalio/worker';
import { signToken } from '../api/auth.js';
import { startApiServer } from '../api/server.js';
import type { Actor } from '../domain/roles.js';
import type { TransitionName } from '../domain/transitions.js';
import { createProjectWorker } from '../worker/create-worker.js';
import { startBenchServers } from './servers.js';
import { fmt, percentile, pool } from './stats.js';
import { bumpUpdate, finishUpdate } from './trivial-workflow.js';

const { values } = parseArgs({ options: { projects: { type: 'string', default: '200' }, concurrency: { type: 'string', default: '20' } } });
const N = Number(values.projects);
const C = Number(values.concurrency);

const servers = await startBenchServers('bench-lifecycle');
const { db, client, native } = servers;
const taskQueue = `bench-${randomUUID()}`;
const worker = await createProjectWorker({ connection: native, db, taskQueue });
const trivialQueue = `${taskQueue}-trivial`;
const trivialWorker = await Worker.create({ connection: native, taskQueue: trivialQueue, workflowsPath: fileURLToPath(new URL('./trivial-workflow.ts', import.meta.url)) });
const running = Promise.all([worker.run(), trivialWorker.run()]);
const secret = randomUUID();
const api = await startApiServer({ db, temporal: client, jwtSecret: secret, lifecycle: { taskQueue } }, 0);

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

async function gql(query: string, variables: unknown, token: string) {
  const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Record<string, { __typename: string; message?: string }>; errors?: unknown };
  const result = body.data && Object.values(body.data)[0];
  if (body.errors || !result || result.__typename === 'TransitionRefusedError' || result.__typename.endsWith('Error')) throw new Error(JSON.stringify(body));
  return result;
}
const action = (name: TransitionName) =>
  `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { __typename ... on Project { stage } ... on Error { message } } }`;

const latencies: number[] = [];
async function timed<T>(run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  latencies.push(performance.now() - started);
  return result;
}

// S1-like projects (Gabon, PA-A (d), reporting support), carried from filing to CLOSED.
async function lifecycle(i: number) {
  const filed = (await gql(
    'mutation($input: FileRequestInput!) { fileRequest(input: $input) { __typename ... on FiledRequest { project { id needs { id } } } } }',
    { input: { state: 'GAB', title: `Reporting support ${i}`, idempotencyKey: `bench-${i}-${randomUUID()}`, needs: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Help to complete the self-assessment checklist (000 fn 5).' }] } },
    gab,
  )) as unknown as { project: { id: string; needs: { id: string }[] } };
  const projectId = filed.project.id;
  const step = (name: TransitionName, payload: Record<string, unknown> = {}, token = pm) => timed(() => gql(action(name), { input: { projectId, ...payload } }, token));
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
}
const TRANSITIONS_PER_PROJECT = 10;

try {
  console.log(`bench:lifecycle: ${N} projects, ${N * TRANSITIONS_PER_PROJECT} transitions, concurrency ${C}, on a local Temporal dev server and embedded PostgreSQL`);
  let started = performance.now();
  await pool(N, C, lifecycle);
  const lifecycleSeconds = (performance.now() - started) / 1000;
  const lifecycleLatencies = latencies.splice(0);

  started = performance.now();
  await pool(N, C, async (i) => {
    const handle = await client.workflow.start('trivialCounter', { workflowId: `trivial-${i}-${randomUUID()}`, taskQueue: trivialQueue });
    for (let k = 0; k < TRANSITIONS_PER_PROJECT - 1; k++) await timed(() => handle.executeUpdate(bumpUpdate, { args: [1] }));
    await timed(() => handle.executeUpdate(finishUpdate));
  });
  const bareSeconds = (performance.now() - started) / 1000;
  const bareLatencies = latencies.splice(0);

  const row = (label: string, seconds: number, sample: number[]) =>
    console.log(`${label.padEnd(34)} ${(N / seconds).toFixed(1).padStart(7)} projects/s   ${(sample.length / seconds).toFixed(1).padStart(7)} updates/s   p50 ${fmt(percentile(sample, 50)).padStart(9)}   p95 ${fmt(percentile(sample, 95)).padStart(9)}`);
  row('lifecycle over GraphQL', lifecycleSeconds, lifecycleLatencies);
  row('bare Temporal updates (trivial wf)', bareSeconds, bareLatencies);
  console.log(`ratio lifecycle/bare: p50 ${(percentile(lifecycleLatencies, 50) / percentile(bareLatencies, 50)).toFixed(2)}x, p95 ${(percentile(lifecycleLatencies, 95) / percentile(bareLatencies, 95)).toFixed(2)}x, throughput (lifecycle/bare) ${(bareSeconds / lifecycleSeconds).toFixed(2)}x`);
} finally {
  // Leave no server behind, even when a step fails.
  api.server.close();
  worker.shutdown();
  trivialWorker.shutdown();
  await running;
  await servers.stop();
}
