// bench:pool — needPool over the API at 100,000 open needs (issue 13: a page in under 50 ms p95), served
// from the materialised ranking (db/queries/need-ranking.ts), beside what the API did before: load the
// whole pool and rank it per request. Needs are seeded in bulk (SQL inserts, said so: 100,000 requests
// through Temporal would take an hour and measure filing, not reading). Requests go over HTTP on
// 127.0.0.1 to the real API, one at a time (latency, not throughput).
// Beside them, a bare graphql-yoga `{ hello }` on the same machine in the same run (the floor of a request
// over HTTP). --cpu-prof FILE writes a CPU profile (.cpuprofile) of the first-page series alone.
//   npm run bench:pool -- --needs 100000 --requests 200 [--cpu-prof /tmp/pool.cpuprofile]
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Server } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { sql } from 'kysely';
import { signToken } from '../api/auth.js';
import { startApiServer } from '../api/server.js';
import { currentWeightSet, loadNeedsWithStatus, toPoolNeed } from '../db/queries/needs-pool.js';
import { pageRanking, refreshStaleRanking } from '../db/queries/need-ranking.js';
import { URGENCIES } from '../domain/code-lists/index.js';
import { prioritisePool } from '../domain/priority.js';
import { STATES_NEEDING_REPORTING_HELP } from '../domain/reporting.js';
import { startBenchServers } from './servers.js';
import { insertSyntheticNeeds, pick } from './synthetic-needs.js';
import { fmt, percentile } from './stats.js';

const { values } = parseArgs({ options: { needs: { type: 'string', default: '100000' }, requests: { type: 'string', default: '200' }, 'cpu-prof': { type: 'string' } } });
const size = Number(values.needs);
const requests = Number(values.requests);
const SECRET = 'bench-pool-secret-of-at-least-32-bytes';

const servers = await startBenchServers('bench-pool');
const { db, client } = servers;
const PAGE = `query($first: Int, $after: String, $filter: NeedPoolFilter) { needPool(first: $first, after: $after, filter: $filter) { __typename
  ... on QueryNeedPoolSuccess { data { pageInfo { hasNextPage endCursor } edges { node {
    id poolRank state priorityArea priorityActivity urgency source description projectId projectStage verdict stateRank
    priority { score parts { name points reason } } } } } }
  ... on Error { code message } } }`;

let server: Server | undefined;
try {
  let started = performance.now();
  await insertSyntheticNeeds(db, size);
  const seeded = performance.now() - started;
  started = performance.now();
  const refreshed = await refreshStaleRanking(db);
  const cold = performance.now() - started;

  const api = await startApiServer({ db, temporal: client, jwtSecret: SECRET }, 0);
  server = api.server as Server;
  const token = await signToken(SECRET, { subject: 'bench-manager', role: 'PROGRAMME_MANAGER' });
  async function ask(variables: Record<string, unknown>): Promise<{ ms: number; page: { edges: unknown[]; pageInfo: { endCursor: string | null } } }> {
    const t0 = performance.now();
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: PAGE, variables }) });
    const body = (await response.json()) as { data?: { needPool: { __typename: string; data: any; message?: string } }; errors?: unknown };
    const ms = performance.now() - t0;
    if (!body.data || body.data.needPool.__typename !== 'QueryNeedPoolSuccess') throw new Error(`needPool failed: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, page: body.data.needPool.data };
  }
  async function series(label: string, variables: () => Record<string, unknown>, opts: { before?: () => Promise<void>; ask?: () => Promise<unknown>; profile?: string } = {}) {
    const one = async () => {
      const t0 = performance.now();
      await (opts.ask ? opts.ask() : ask(variables()));
      return performance.now() - t0;
    };
    for (let w = 0; w < 10; w++) await one(); // warm up
    const session = opts.profile ? new Session() : undefined;
    if (session) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const times: number[] = [];
    for (let r = 0; r < requests; r++) {
      await opts.before?.();
      times.push(await one());
    }
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(opts.profile!, JSON.stringify(profile));
      session.disconnect();
    }
    console.log(`  ${label.padEnd(58)} p50 ${fmt(percentile(times, 50)).padStart(9)}  p95 ${fmt(percentile(times, 95)).padStart(9)}  p99 ${fmt(percentile(times, 99)).padStart(9)}`);
    return percentile(times, 95);
  }

  // The floor: a bare graphql-yoga with one field, over HTTP on the same machine, in this process.
  const bareServer = createServer(createYoga({ schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }), logging: 'warn' }));
  await new Promise<void>((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as { port: number }).port}/graphql`;
  const askBare = async () => {
    const response = await fetch(bareUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello }' }) });
    if ((await response.json() as { data?: { hello?: string } }).data?.hello !== 'world') throw new Error('bare yoga failed');
  };

  // A cursor deep in the list: the 50,000th need's key, taken from the first page chain's shape.
  const first = await ask({ first: 50 });
  if (first.page.edges.length !== 50) throw new Error('first page is not 50 needs');
  const deepRow = await sql<{ sort_score: string; identified_at: string; need_id: string }>`
    SELECT sort_score::text, identified_at::text, need_id FROM need_ranking ORDER BY sort_score, identified_at, need_id OFFSET ${Math.floor(refreshed / 2)} LIMIT 1`.execute(db);
  const d = deepRow.rows[0]!;
  const deepCursor = Buffer.from(JSON.stringify([d.sort_score, d.identified_at, d.need_id, Math.floor(refreshed / 2) + 1])).toString('base64url');

  console.log(`bench:pool: ${size.toLocaleString('en')} open needs (bulk-seeded in ${fmt(seeded)}); materialised ranking of ${refreshed.toLocaleString('en')} needs from cold in ${fmt(cold)}`);
  console.log(`  over HTTP on 127.0.0.1, ${requests} requests each, one at a time, as a programme manager; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}:`);
  const p95Bare = await series('bare graphql-yoga { hello }', () => ({}), { ask: askBare });
  const p95First = await series('needPool first page of 50', () => ({ first: 50 }), { profile: values['cpu-prof'] });
  await series('needPool first page of 100', () => ({ first: 100 }));
  await series(`needPool page of 50 after rank ${Math.floor(refreshed / 2).toLocaleString('en')}`, () => ({ first: 50, after: deepCursor }));
  await series('needPool first page of 50, filter State + priority area', () => ({ first: 50, filter: { state: 'KEN', priorityArea: 'PA-B' } }));
  let bump = 0;
  const afterWrite = await series('needPool first page of 50 right after a need changed', () => ({ first: 50 }), {
    before: async () => {
      bump++;
      await db.updateTable('needs').set({ urgency: pick(URGENCIES, bump).code }).where('id', '=', `bench-need-${bump}`).execute();
    },
  });
  await series('bare graphql-yoga { hello } again', () => ({}), { ask: askBare });
  bareServer.close();

  // The page's SQL alone (in process, no GraphQL, no HTTP), to tell the database's share from the API's.
  for (const limit of [51, 101]) {
    const sqlTimes: number[] = [];
    for (let r = 0; r < 50; r++) {
      const t0 = performance.now();
      await pageRanking(db, {}, null, limit);
      sqlTimes.push(performance.now() - t0);
    }
    console.log(`  the SQL of a first page of ${limit - 1} alone (pageRanking, 50 runs):${' '.repeat(10)} p50 ${fmt(percentile(sqlTimes, 50)).padStart(9)}  p95 ${fmt(percentile(sqlTimes, 95)).padStart(9)}`);
  }

  // What the API did before: the whole pool loaded and ranked per request (3 runs, in process, no HTTP).
  const whole: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    const [rows, weights] = await Promise.all([loadNeedsWithStatus(db), currentWeightSet(db)]);
    prioritisePool(rows.map(toPoolNeed), weights?.weights ?? {}, STATES_NEEDING_REPORTING_HELP, new Date());
    whole.push(performance.now() - t0);
  }
  const wholeMedian = percentile(whole, 50);
  console.log(`  before (main): load and rank the whole pool per request, in process, median of 3: ${fmt(wholeMedian)}`);
  console.log(`  first page of 50 / bare yoga p95: ${(p95First / p95Bare).toFixed(1)}x`);
  console.log(`  ratio whole-pool / first page p95: ${(wholeMedian / p95First).toFixed(0)}x; goal p95 < 50 ms: ${p95First < 50 ? 'met' : 'NOT met'} (first page), ${afterWrite < 50 ? 'met' : 'NOT met'} (after a write)`);
} finally {
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  await servers.stop();
}
