// `npm run bench:api [-- --projects 10000 --needs-per-project 10 --requests 200 --connections 10 --rounds 2]`:
// the read queries (bench/api-queries.ts: project page, projects list, needs pool, timeline) at
// portfolio scale, beside a bare graphql-yoga query on the same machine in the same run.
// Seeding: one project is filed with its needs and moved to PLANNING through the real write paths
// (GraphQL, the lifecycle workflow, the read-model projection); it is then cloned in bulk by SQL
// (10,000 projects and 100,000 needs by default: ids, titles and the copies of its events and States),
// so the read model holds rows exactly as the projection writes them, without 40,000 workflow runs.
// Load: autocannon on 127.0.0.1, a fixed number of requests over a fixed number of connections (a
// bounded, closed-loop load), in this process for both sides. The bare side is a one-field schema in
// graphql-yoga behind node's http server, served the same way as the API. Latencies are collected per
// response; p50/p95/p99 are printed with their ratio to the bare query of the same round, with this
// process's CPU time per request of each side (the servers' and autocannon's, less swayed by the machine's
// load than latencies), and the median of the per-round ratios closes the run.
// A second, fairer floor beside each query: the same bare graphql-yoga whose one resolver sends the very
// statements the API sent for that query (recorded from one request, the project id swapped per request)
// through the same pool and answers their rows as JSON: HTTP, yoga, the SQL and the JSON of the rows, with
// none of the API's own layers (tokens, the policy's scopes, Pothos, the edge's limits, DataLoaders).
// For context, each query's own SQL: one request at a time, the statements the API sent (through a Kysely
// whose log hook times them, client side) and PostgreSQL's execution time of each (EXPLAIN ANALYZE).
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createSchema, createYoga } from 'graphql-yoga';
import { signToken } from '../api/auth.js';
import { startApiServer } from '../api/server.js';
import type { DB } from '../db/schema.js';
import { createProjectWorker } from '../worker/create-worker.js';
import { API_QUERIES, type BenchQuery } from './api-queries.js';
import { cloneTemplate, fileTemplate, gql } from './api-seed.js';
import { startBenchServers } from './servers.js';
import { fmt, percentile } from './stats.js';

const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '10000' }, 'needs-per-project': { type: 'string', default: '10' },
    requests: { type: 'string', default: '200' }, connections: { type: 'string', default: '10' }, rounds: { type: 'string', default: '2' },
  },
});
const PROJECTS = Number(values.projects);
const NEEDS = Number(values['needs-per-project']);
const REQUESTS = Number(values.requests);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);

const servers = await startBenchServers('bench-api');
const { db, client, native } = servers;
const taskQueue = `bench-api-${randomUUID()}`;
const worker = await createProjectWorker({ connection: native, db, taskQueue });
const running = worker.run();
const secret = randomUUID();
// The API's own pool, whose log hook records the statements of the SQL measure (and nothing while load runs).
const sent: { sql: string; parameters: readonly unknown[]; ms: number }[] = [];
let recording = false;
const apiDb = new Kysely<DB>({
  dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: servers.url, max: 20 }) }),
  log: (event) => {
    if (recording && event.level === 'query') sent.push({ sql: event.query.sql, parameters: event.query.parameters, ms: event.queryDurationMillis });
  },
});
const api = await startApiServer({ db: apiDb, temporal: client, jwtSecret: secret, lifecycle: { taskQueue, temporalDeadlineMs: 120_000 } }, 0);
const bareYoga = createYoga({ schema: createSchema({ typeDefs: 'type Query { hello: String! }', resolvers: { Query: { hello: () => 'world' } } }), logging: 'warn' });
const bareServer = createServer(bareYoga);
await new Promise<void>((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bareServer.address() as { port: number }).port}/graphql`;
// The same-SQL floor: statements recorded per query (below, once seeded), replayed with the request's id.
const recordedSql = new Map<string, { statements: typeof sent; template: string }>();
const swapId = (value: unknown, from: string, to: string): unknown =>
  value === from ? to : Array.isArray(value) ? value.map((v) => swapId(v, from, to)) : value;
const sqlFloorYoga = createYoga({
  schema: createSchema({
    typeDefs: 'scalar JSON type Query { sameSql(query: String!, id: String!): JSON }',
    resolvers: {
      Query: {
        sameSql: async (_: unknown, args: { query: string; id: string }) => {
          const recorded = recordedSql.get(args.query)!;
          const rows: unknown[] = [];
          for (const s of recorded.statements) {
            rows.push((await apiDb.executeQuery(CompiledQuery.raw(s.sql, s.parameters.map((p) => swapId(p, recorded.template, args.id))))).rows);
          }
          return rows;
        },
      },
    },
  }),
  logging: 'warn',
});
const sqlFloorServer = createServer(sqlFloorYoga);
await new Promise<void>((resolve) => sqlFloorServer.listen(0, '127.0.0.1', resolve));
const sqlFloorUrl = `http://127.0.0.1:${(sqlFloorServer.address() as { port: number }).port}/graphql`;
const pm = await signToken(secret, { subject: 'pm-bench', role: 'PROGRAMME_MANAGER' });
const gab = await signToken(secret, { subject: 'fp-bench', role: 'STATE_FOCAL_POINT', stateCode: 'GAB' });

interface Figures { p50: number; p95: number; p99: number; perSecond: number; errors: number; cpuMs: number }

/** `REQUESTS` requests over `CONNECTIONS` connections; each request draws its variables. */
async function load(url: string, body: () => string, token?: string, amount = REQUESTS): Promise<Figures> {
  const sample: number[] = [];
  let errors = 0;
  const options: autocannon.Options = {
    url, connections: CONNECTIONS, amount, timeout: 120,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, setupRequest: (req) => ({ ...req, body: body() }) }],
  };
  const cpu = process.cpuUsage();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) errors += 1;
      sample.push(ms);
    });
  });
  const used = process.cpuUsage(cpu);
  return {
    p50: percentile(sample, 50), p95: percentile(sample, 95), p99: percentile(sample, 99), perSecond: result.requests.average, errors: errors + result.errors + result.timeouts,
    cpuMs: (used.user + used.system) / 1000 / Math.max(1, sample.length),
  };
}

const row = (label: string, f: Figures, bare?: Figures, floor?: Figures) =>
  `  ${label.padEnd(28)} p50 ${fmt(f.p50).padStart(10)}  p95 ${fmt(f.p95).padStart(10)}  p99 ${fmt(f.p99).padStart(10)}  ${f.perSecond.toFixed(0).padStart(5)} req/s  CPU ${f.cpuMs.toFixed(2)} ms/req` +
  (bare ? `   vs bare p50 ${(f.p50 / bare.p50).toFixed(1)}x, p95 ${(f.p95 / bare.p95).toFixed(1)}x, p99 ${(f.p99 / bare.p99).toFixed(1)}x` : '') +
  (floor ? `; vs same SQL p50 ${(f.p50 / floor.p50).toFixed(1)}x, p95 ${(f.p95 / floor.p95).toFixed(1)}x` : '') +
  (f.errors ? `   ${f.errors} errors` : '');

const SQL_SAMPLES = 20;

/** Statements per request, their time as the API saw it (median per request), and PostgreSQL's own execution time of one request's statements. */
async function sqlOf(q: BenchQuery): Promise<string> {
  const perRequest: number[] = [];
  let last: typeof sent = [];
  for (let i = 0; i < SQL_SAMPLES; i++) {
    sent.length = 0;
    recording = true;
    await gql(api.url, q.query, q.variables(pickId()), pm);
    recording = false;
    perRequest.push(sent.reduce((sum, s) => sum + s.ms, 0));
    last = [...sent];
  }
  let executed = 0;
  for (const s of last) {
    const plan = await apiDb.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, format text) ${s.sql}`, [...s.parameters]));
    const line = plan.rows.map((r) => r['QUERY PLAN']).find((l) => l.startsWith('Execution Time'));
    executed += Number(/([\d.]+) ms/.exec(line ?? '')?.[1] ?? NaN);
  }
  return `  ${q.name.padEnd(28)} ${last.length} statement${last.length === 1 ? '' : 's'}: ${fmt(percentile(perRequest, 50))} per request as the API sees them (p95 ${fmt(percentile(perRequest, 95))}); PostgreSQL executes them in ${fmt(executed)}` +
    `\n    ${last.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 150)).join('\n    ')}`;
}

let pickId: () => string = () => '';

try {
  console.log(`bench:api: ${PROJECTS} projects x ${NEEDS} needs; ${REQUESTS} requests over ${CONNECTIONS} connections per measure, ${ROUNDS} rounds; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const seeding = performance.now();
  const template = await fileTemplate(api.url, { focalPoint: gab, manager: pm }, NEEDS);
  const ids = await cloneTemplate(db, template, PROJECTS - 1);
  const { count } = await db.selectFrom('needs').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  console.log(`seeded ${ids.length} projects and ${count} needs in ${((performance.now() - seeding) / 1000).toFixed(1)} s (one through GraphQL and the workflow, the rest cloned by SQL)`);

  pickId = () => ids[Math.floor(Math.random() * ids.length)]!;
  const bodyOf = (q: BenchQuery) => () => JSON.stringify({ query: q.query, variables: q.variables(pickId()) });
  for (const q of API_QUERIES) {
    const answer = await gql(api.url, q.query, q.variables(template), pm);
    if (answer.errors || answer.data?.[q.field]?.__typename !== q.success) throw new Error(`${q.name} does not answer: ${JSON.stringify(answer).slice(0, 500)}`);
  }
  const bareBody = () => JSON.stringify({ query: '{ hello }' });
  // Warm-up (JIT, pools, PostgreSQL's caches): one request per connection of each, not counted.
  await load(bareUrl, bareBody, undefined, CONNECTIONS);
  for (const q of API_QUERIES) await load(api.url, bodyOf(q), pm, CONNECTIONS);
  // The warm-up ranked the 100,000 cloned needs (each marked stale by the bulk load); tidy up after it as autovacuum would.
  await sql`vacuum analyze`.execute(db);
  // The same-SQL floor's statements: those of one request for the template project, as the API sent them once
  // warm (the pool's first request ranks the cloned needs).
  for (const q of API_QUERIES) {
    sent.length = 0;
    recording = true;
    await gql(api.url, q.query, q.variables(template), pm);
    recording = false;
    recordedSql.set(q.name, { statements: [...sent], template });
  }
  const floorBody = (q: BenchQuery) => () => JSON.stringify({ query: 'query($q: String!, $id: String!) { sameSql(query: $q, id: $id) }', variables: { q: q.name, id: pickId() } });
  const floorAnswer = (await gql(sqlFloorUrl, 'query($q: String!, $id: String!) { sameSql(query: $q, id: $id) }', { q: API_QUERIES[0]!.name, id: template })) as { data?: { sameSql?: unknown[] } };
  if (!Array.isArray(floorAnswer.data?.sameSql)) throw new Error(`the same-SQL floor does not answer: ${JSON.stringify(floorAnswer).slice(0, 300)}`);
  for (const q of API_QUERIES) await load(sqlFloorUrl, floorBody(q), undefined, CONNECTIONS);
  console.log(`warmed up (load ${loadavg()[0]!.toFixed(1)})`);

  const ratios = new Map<string, { p50: number[]; p95: number[]; p99: number[]; floorP50: number[]; floorP95: number[] }>();
  for (let r = 0; r < ROUNDS; r++) {
    console.log(`round ${r + 1} (load ${loadavg()[0]!.toFixed(1)}):`);
    for (const q of API_QUERIES) {
      // The bare query right before each query, so each pair shares the machine's load of the moment.
      const bare = await load(bareUrl, bareBody);
      const floor = await load(sqlFloorUrl, floorBody(q));
      const figures = await load(api.url, bodyOf(q), pm);
      console.log(row('bare graphql-yoga { hello }', bare));
      console.log(row('bare yoga + the same SQL', floor, bare));
      console.log(row(q.name, figures, bare, floor));
      const k = ratios.get(q.name) ?? { p50: [], p95: [], p99: [], floorP50: [], floorP95: [] };
      k.p50.push(figures.p50 / bare.p50);
      k.p95.push(figures.p95 / bare.p95);
      k.p99.push(figures.p99 / bare.p99);
      k.floorP50.push(figures.p50 / floor.p50);
      k.floorP95.push(figures.p95 / floor.p95);
      ratios.set(q.name, k);
    }
  }
  console.log('median of the per-round ratios to the bare query (goal: p95 within 1.5x):');
  for (const [name, k] of ratios) {
    console.log(`  ${name.padEnd(28)} p50 ${percentile(k.p50, 50).toFixed(1)}x  p95 ${percentile(k.p95, 50).toFixed(1)}x  p99 ${percentile(k.p99, 50).toFixed(1)}x   (vs bare yoga + the same SQL: p50 ${percentile(k.floorP50, 50).toFixed(1)}x, p95 ${percentile(k.floorP95, 50).toFixed(1)}x)`);
  }
  console.log(`each query's own SQL, one request at a time (${SQL_SAMPLES} requests; load ${loadavg()[0]!.toFixed(1)}):`);
  for (const q of API_QUERIES) console.log(await sqlOf(q));
} catch (err) {
  console.error('bench:api failed:', err);
  process.exitCode = 1;
} finally {
  api.server.close();
  await apiDb.destroy();
  bareServer.close();
  sqlFloorServer.close();
  worker.shutdown();
  await running;
  await servers.stop();
}
