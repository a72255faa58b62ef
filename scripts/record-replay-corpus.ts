// `npm run replay:record`: records the replay corpus (test/replay-corpus/*.json) from this build.
// Starts its own Temporal dev server and PostgreSQL in a temporary folder, a worker and the API, drives
// projects through every action, reminder, escalation, the evaluation child, a merge, a refused
// projection and a continue-as-new (with short timings), and writes each workflow run's real history.
// Run it when a release ships; test/replay-corpus.test.ts then replays every history against each
// later build, so a change that would break an open project fails `npm test`. It also records a
// re-prioritisation run over a small pool in small pages. `--only reprioritisation` (or `lifecycle`)
// records those scenarios alone and leaves the other files as they are.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { sql } from 'kysely';
import { signToken } from '../api/auth.js';
import { fileRequest } from '../api/lifecycle.js';
import { startApiServer } from '../api/server.js';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedCodeLists } from '../db/seed-code-lists.js';
import { PRIORITY_AREAS, STATES, URGENCIES } from '../domain/code-lists/index.js';
import type { Actor } from '../domain/roles.js';
import { bundleWorkflows, createProjectWorker } from '../worker/create-worker.js';
import { actionUpdate, type LifecycleTimings } from '../workflows/definitions.js';
import { freePort } from './embedded/free-port.js';
import { startEmbeddedPostgres } from './embedded/postgres.js';
import { startTemporalDevServer } from './embedded/temporal-dev-server.js';

const CORPUS = resolve(import.meta.dirname, '../test/replay-corpus');
const SECRET = 'palermo-replay-recorder-secret-of-32-bytes-or-more';
const TIMINGS: LifecycleTimings = {
  informationReminder: '1s', informationDeadline: '2s',
  fundingReminder: '1s', fundingEscalation: '2s',
  progressReportInterval: '2s',
  evaluationReminder: '1s', evaluationDeadline: '2s',
  projectionBackstop: '1s',
};
const TASK_QUEUE = 'palermo-replay-recorder';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SCENARIOS = ['lifecycle', 'reprioritisation'] as const;
const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const only = args.only?.split(',');
for (const s of only ?? []) if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`--only: unknown scenario ${s} (one of ${SCENARIOS.join(', ')})`);
const wanted = (scenario: (typeof SCENARIOS)[number]) => only === undefined || only.includes(scenario);

const root = mkdtempSync(join(tmpdir(), 'palermo-replay-'));
chmodSync(root, 0o755);
const stops: (() => Promise<unknown>)[] = [];

async function main() {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const [temporalPort, pgPort] = [await freePort(), await freePort()];
  const temporal = await startTemporalDevServer({ port: temporalPort, dbFile: join(root, 'temporal.db'), logFile: join(root, 'temporal.log') });
  stops.push(() => temporal.stop());
  const postgres = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), port: pgPort, database: 'palermo_replay' });
  stops.push(() => postgres.stop());
  const db = createDb(postgres.url, 5);
  stops.push(() => db.destroy());
  await migrateToLatest(db);
  await seedCodeLists(db);

  const connection = await NativeConnection.connect({ address: temporal.address });
  stops.push(() => connection.close());
  const client = new Client({ connection });
  const worker = await createProjectWorker({ connection, db, taskQueue: TASK_QUEUE, workflowBundle: await bundleWorkflows() });
  const running = worker.run();
  stops.push(async () => {
    worker.shutdown();
    await running;
  });
  const { server, url } = await startApiServer({ db, temporal: client, jwtSecret: SECRET, lifecycle: { taskQueue: TASK_QUEUE, timings: TIMINGS } }, 0);
  stops.push(() => new Promise<void>((r) => (server as Server).close(() => r())));

  const gql = async (query: string, variables: Record<string, unknown>, actor: Actor) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signToken(SECRET, actor)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const act = async (who: Actor, name: string, projectId: string, payload: Record<string, unknown> = {}) => {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const data = await gql(`mutation($input: ${type}!) { ${name}(input: $input) { __typename ... on Project { stage } ... on Error { message } } }`, { input: { projectId, ...payload } }, who);
    const result = data[name] as { __typename: string; stage?: string; message?: string };
    if (result.__typename !== 'Project') throw new Error(`${name} on ${projectId}: ${JSON.stringify(result)}`);
    return result;
  };
  const file = async (who: Actor & { stateCode: string }, title: string, key: string, description: string) => {
    const data = await gql('mutation($input: FileRequestInput!) { fileRequest(input: $input) { __typename ... on FiledRequest { project { id needs { id } } } ... on Error { message } } }', {
      input: { state: who.stateCode, title, idempotencyKey: key, needs: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', article: '32', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description }] },
    }, who);
    if (data.fileRequest.__typename !== 'FiledRequest') throw new Error(JSON.stringify(data.fileRequest));
    return data.fileRequest.project as { id: string; needs: { id: string }[] };
  };

  const pm: Actor = { subject: 'pm-recorder', role: 'PROGRAMME_MANAGER' };
  const fp = (stateCode: string): Actor & { stateCode: string } => ({ subject: `fp-${stateCode}`, role: 'STATE_FOCAL_POINT', stateCode });
  const plan = {
    objectives: ['Reports on the Convention submitted on time'], outputs: [],
    outcomes: [{ title: 'Reporting capacity', indicators: [{ name: 'checklists completed', unit: 'checklists', baseline: 0, target: 1 }] }],
    formsOfAssistance: ['REPORTING_SUPPORT', 'LEG_DRAFTING'], modality: 'NATIONAL', budget: { amount: '20000', currency: 'USD' },
  };
  const recorded: { name: string; workflowId: string }[] = [];

  if (wanted('lifecycle')) {
    // 1. The whole lifecycle: every action, each waiting stage's reminder and escalation, the evaluation child.
    const full = await file(fp('GAB'), 'Help to meet reporting obligations', 'replay-full', 'Train the officials who answer the self-assessment checklist');
    await act(pm, 'startAssessment', full.id, { note: 'Desk review first' });
    await act(pm, 'recordAssessment', full.id, { type: 'DESK_REVIEW', startDate: '2026-01-05', endDate: '2026-01-09', partners: ['UNDP'], findings: 'The checklist was last answered in 2010.' });
    await act(pm, 'requestInformation', full.id, { question: 'Which ministry answers the checklist?' });
    await sleep(2_500); // reminder, then escalation
    await act(fp('GAB'), 'provideInformation', full.id, { answer: 'The Ministry of Justice.' });
    await act(pm, 'startPlanning', full.id);
    await act(pm, 'setPlan', full.id, plan);
    await act(fp('GAB'), 'endorsePlan', full.id, { comment: 'Endorsed by the Ministry of Justice' });
    await act(pm, 'seekFunding', full.id);
    await sleep(2_500); // funding reminder, then escalation
    await act(pm, 'pledge', full.id, { donor: 'Invented donor (demo)', amount: '15000', currency: 'USD', kind: 'CASH', earmarkPriorityArea: 'PA-A' });
    await act(pm, 'descopeBudget', full.id, { amount: '15000', reason: 'One workshop instead of two' });
    await act(pm, 'startDelivery', full.id);
    await act(pm, 'recordActivity', full.id, { title: 'National workshop on the checklist', formOfAssistance: 'REPORTING_SUPPORT', startDate: '2026-03-02', endDate: '2026-03-04', participants: 24 });
    await act(pm, 'reportProgress', full.id, { period: '2026-Q1', narrative: 'The workshop took place.' });
    await sleep(2_500); // a progress report falls due
    await act(pm, 'suspend', full.id, { reason: 'Elections: work paused' });
    await act(pm, 'resume', full.id);
    await act(pm, 'recordEnactment', full.id, { law: 'Loi relative aux rapports (invented)', enactedOn: '2026-04-01' });
    const evaluator = await rosterEvaluator(gql);
    // A panel: the lead and one more member; Gabon consents to a visit, which the member then records.
    const member = await rosterEvaluator(gql, 'CIV');
    await act(pm, 'startEvaluation', full.id, { evaluator: evaluator.subject, panel: [member.subject] });
    await act(fp('GAB'), 'consentToVisit', full.id, { note: 'Through the Ministry of Justice' });
    await act(member, 'recordEvaluationVisit', full.id, { state: 'GAB', startDate: '2026-05-04', endDate: '2026-05-06', purpose: 'Validate the findings' });
    await sleep(2_500); // the child reminds, then escalates
    await act(evaluator, 'submitOutcomeAssessment', full.id, {
      criteria: ['RELEVANCE', 'COHERENCE', 'EFFECTIVENESS', 'EFFICIENCY', 'IMPACT', 'SUSTAINABILITY'].map((criterion) => ({ criterion, rating: 5, rationale: `${criterion.toLowerCase()} judged against the plan` })),
      indicatorValues: [{ indicator: 'checklists completed', actual: 1 }],
      needVerdicts: [{ needId: full.needs[0]!.id, verdict: 'PARTLY_MET', outcomeTypes: ['REPORTING_COMPLETED', 'LAW_ADOPTED'] }],
      narrative: 'The checklist was answered; a second cycle needs support.',
      recommendations: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['TRAINING_NATIONAL'], urgency: 'HIGH', description: 'Train the new reporting unit.' }],
    });
    await act(pm, 'close', full.id, { adoptRecommendations: [0] });
    recorded.push({ name: 'full-lifecycle', workflowId: full.id }, { name: 'evaluation-child', workflowId: `${full.id}/evaluation` });

    // 2. A merge (the survivor absorbs by Update), a decline, a cancellation.
    const survivor = await file(fp('CMR'), 'Reporting workshop', 'replay-survivor', 'Help with the checklist (CMR)');
    const merged = await file(fp('TCD'), 'Reporting workshop', 'replay-merged', 'Help with the checklist (TCD)');
    const declined = await file(fp('NER'), 'Reporting help', 'replay-declined', 'Help with the checklist (NER)');
    const cancelled = await file(fp('GIN'), 'Reporting help', 'replay-cancelled', 'Help with the checklist (GIN)');
    for (const p of [survivor, merged, declined, cancelled]) await act(pm, 'startAssessment', p.id);
    await act(pm, 'merge', merged.id, { intoProjectId: survivor.id, reason: 'One regional workshop' });
    await act(pm, 'startPlanning', survivor.id);
    await act(pm, 'decline', declined.id, { reason: 'Already covered by a regional project' });
    await act(pm, 'cancel', cancelled.id, { reason: 'Withdrawn by the State' });
    recorded.push({ name: 'merge-survivor', workflowId: survivor.id }, { name: 'merge-merged', workflowId: merged.id }, { name: 'declined', workflowId: declined.id }, { name: 'cancelled', workflowId: cancelled.id });

    // 3. A projection PostgreSQL refuses on the data: tried once, escalated as PROJECTION_FAILED.
    await sql`alter table project_events add constraint replay_unprojectable check (position('UNPROJECTABLE' in summary::text) = 0) not valid`.execute(db);
    const refused = await file(fp('KEN'), 'Reporting help', 'replay-projection-failed', 'Help with the checklist (KEN)');
    await client.workflow.getHandle(refused.id).executeUpdate(actionUpdate('startAssessment'), { args: [{ actor: pm, payload: { note: 'UNPROJECTABLE' } }] });
    await act(pm, 'startPlanning', refused.id);
    recorded.push({ name: 'projection-failed', workflowId: refused.id });

    // 4. Continue-as-new (every 60 history events here) while delivering, with a reminder due across runs.
    const long = await fileRequest(client, fp('SLE'), {
      state: 'SLE', title: 'Mentoring, reported on often', idempotencyKey: 'replay-continue-as-new',
      needs: [{ priorityArea: 'PA-A', priorityActivity: '(d)', instrument: 'UNTOC', formsOfAssistance: ['REPORTING_SUPPORT'], urgency: 'MEDIUM', description: 'Mentoring the reporting unit' }],
    } as never, { taskQueue: TASK_QUEUE, timings: TIMINGS, maxHistoryEvents: 60 });
    await act(pm, 'startAssessment', long.projectId);
    await act(pm, 'startPlanning', long.projectId);
    await act(pm, 'setPlan', long.projectId, { ...plan, formsOfAssistance: ['REPORTING_SUPPORT'], budget: { amount: '1000', currency: 'USD' } });
    await act(fp('SLE'), 'endorsePlan', long.projectId);
    await act(pm, 'seekFunding', long.projectId);
    await act(pm, 'pledge', long.projectId, { donor: 'Invented donor (demo)', amount: '1000', currency: 'USD', kind: 'CASH' });
    await act(pm, 'startDelivery', long.projectId);
    for (let i = 1; i <= 12; i++) await act(pm, 'reportProgress', long.projectId, { period: `month ${i}`, narrative: `Mentoring, month ${i}.` });
    await sleep(2_500); // the reminder fires in a later run
    await act(pm, 'cancel', long.projectId, { reason: 'Recorded for the replay corpus' });
    recorded.push({ name: 'continue-as-new', workflowId: long.projectId });
  }

  // 5. A re-prioritisation run over a small pool (invented needs from the code lists), in pages of 5.
  if (wanted('reprioritisation')) {
    await sql`
      insert into needs (id, project_id, position, state_code, source, priority_area, priority_activity, instrument, article, forms_of_assistance, urgency, description, created_at)
      select 'replay-need-' || lpad(i::text, 2, '0'), null, 0, ${STATES[0]!.code}::text, 'QUESTIONNAIRE_RESPONSE', (${PRIORITY_AREAS.map((a) => a.code)}::text[])[1 + i % 3], '(d)', 'UNTOC', null,
             array['TRAINING_NATIONAL'], (${URGENCIES.map((u) => u.code)}::text[])[1 + i % 4], 'Synthetic need ' || i || ' (invented)', timestamptz '2020-01-01' + i * interval '9 days'
      from generate_series(0, 22) as i`.execute(db);
    const workflowId = 'replay-reprioritisation';
    await client.workflow.execute('reprioritisation', { workflowId, taskQueue: TASK_QUEUE, args: [{ trigger: 'ON_DEMAND', pageSize: 5 }] });
    recorded.push({ name: 'reprioritisation', workflowId });
  }

  // Wait until every recorded workflow has closed (or, for open ones, gone quiet), then write them out.
  await sleep(1_000);
  mkdirSync(CORPUS, { recursive: true });
  // A previous release's histories (*-v1.json, ...) stay: open projects started under it must still replay.
  // With --only, only the files of the scenarios recorded now are replaced.
  const replaced = (f: string) => only === undefined || recorded.some((r) => f === `${r.name}.json` || f.startsWith(`${r.name}-run`));
  for (const f of readdirSync(CORPUS)) if (f.endsWith('.json') && !/-v\d+\.json$/.test(f) && replaced(f)) rmSync(join(CORPUS, f));
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  let files = 0;
  for (const { name, workflowId } of recorded) {
    const runs: string[] = [];
    let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
    while (runId) {
      runs.unshift(runId);
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    }
    for (const [i, run] of runs.entries()) {
      const history = await client.workflow.getHandle(workflowId, run).fetchHistory();
      const file = join(CORPUS, `${name}${runs.length > 1 ? `-run${i + 1}` : ''}.json`);
      writeFileSync(file, `${JSON.stringify({ workflowId, runId: run, recordedAt: new Date().toISOString(), recordedFrom: commit, history: JSON.parse(historyToJSON(history)) }, null, 1)}\n`);
      files++;
      console.log(`${file}: ${history.events?.length} events`);
    }
  }
  console.log(`replay corpus: ${files} histories in ${CORPUS}`);
}

/** An evaluator from the roster, independent of the beneficiaries (a Portuguese national nominated by France). */
async function rosterEvaluator(gql: (q: string, v: Record<string, unknown>, a: Actor) => Promise<Record<string, any>>, nationality = 'PRT'): Promise<Actor> {
  const data = await gql(
    'mutation($input: NominateExpertInput!) { nominateExpert(input: $input) { __typename ... on Expert { id } ... on Error { message } } }',
    { input: { name: `Replay evaluator, ${nationality} (invented)`, nationality, nominatingState: 'FRA', institution: 'Inspection générale de la justice (invented unit)', profile: { fields: ['REPORTING.REPORTING_OBLIGATIONS'], instruments: [{ instrument: 'UNTOC', articles: [] }], languages: [{ language: 'fr', level: 'C2' }, { language: 'en', level: 'C1' }] } } },
    { subject: 'fp-FRA', role: 'STATE_FOCAL_POINT', stateCode: 'FRA' },
  );
  const id = data.nominateExpert.id as string;
  await gql('mutation { acceptNomination { __typename } }', {}, { subject: id, role: 'EXPERT' });
  return { subject: id, role: 'EVALUATOR' };
}

main()
  .then(
    () => 0,
    (err) => {
      console.error(err);
      return 1;
    },
  )
  .then(async (code) => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    process.exit(code);
  });
