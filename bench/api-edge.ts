// `npm run bench:edge [-- --requests 200 --attacks 20 --baseline-aliases 100]`: the cost of the API's
// request limits and what they save, on real servers. Prints the time to refuse the 3,000-alias
// __schema request without a token, a normal query's latency with the limits and on a bare yoga with the
// same schema (the ratio is the edge's overhead), a normal query's latency while attacks arrive at the
// same time, and, for scale, what a smaller alias attack costs the bare yoga.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { signToken } from '../api/auth.js';
import { createContext, type ApiDeps } from '../api/context.js';
import { schema } from '../api/schema/index.js';
import { startApiServer } from '../api/server.js';
import { createYoga } from 'graphql-yoga';
import { startBenchServers } from './servers.js';
import { fmt, percentile } from './stats.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200' }, attacks: { type: 'string', default: '20' }, 'baseline-aliases': { type: 'string', default: '100' } } });
const REQUESTS = Number(values.requests);
const ATTACKS = Number(values.attacks);
const BASELINE_ALIASES = Number(values['baseline-aliases']);

const servers = await startBenchServers('bench-edge');
const { db, client } = servers;
const secret = randomUUID();
const taskQueue = `bench-edge-${randomUUID()}`;
const limited = await startApiServer({ db, temporal: client, jwtSecret: secret, edge: { introspection: true }, lifecycle: { taskQueue } }, 0);
// The baseline: the same schema and context in a bare yoga, without any of the edge's plugins.
const bareDeps: ApiDeps = { db, temporal: client, jwtSecret: secret, lifecycle: { taskQueue } };
const bare = createYoga({ schema, context: ({ request }) => createContext(bareDeps, request), graphiql: false, logging: 'warn' });
const bareServer = createServer(bare);
await new Promise<void>((resolve) => bareServer.listen(0, '127.0.0.1', resolve));
const unlimited = { server: bareServer, url: `http://127.0.0.1:${(bareServer.address() as { port: number }).port}/graphql` };
const token = await signToken(secret, { subject: 'pm-bench', role: 'PROGRAMME_MANAGER' });

const NORMAL = '{ me { subject role } codeLists { priorityAreas { code } } projects(first: 50) { __typename ... on QueryProjectsSuccess { data { edges { node { id stage title } } } } } }';
const attack = (aliases: number) => JSON.stringify({ query: `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: __schema { types { name fields { name } } }`).join(' ')} }` });
const ATTACK_3000 = attack(3_000);

async function timed(url: string, body: string, withToken: boolean): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(withToken ? { authorization: `Bearer ${token}` } : {}) }, body });
  const bytes = (await response.arrayBuffer()).byteLength;
  if (withToken && response.status !== 200) throw new Error(`a normal query answered HTTP ${response.status}`);
  return { ms: performance.now() - started, status: response.status, bytes };
}

async function series(url: string, body: string, n: number, withToken: boolean) {
  const sample: number[] = [];
  const statuses = new Set<number>();
  for (let i = 0; i < n; i++) {
    const r = await timed(url, body, withToken);
    sample.push(r.ms);
    statuses.add(r.status);
  }
  return { p50: percentile(sample, 50), p95: percentile(sample, 95), statuses: [...statuses].join(',') };
}

const normalBody = JSON.stringify({ query: NORMAL });
const check = (await (await fetch(limited.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: normalBody })).json()) as { data?: unknown; errors?: unknown };
if (check.errors || !check.data) throw new Error(`the normal query does not answer: ${JSON.stringify(check.errors)}`);
// Warm both servers (JIT, pools, yoga's caches) before measuring.
await series(limited.url, normalBody, 20, true);
await series(unlimited.url, normalBody, 20, true);

const refusal = await series(limited.url, ATTACK_3000, ATTACKS, false);
// Alternate the two servers, so drift in a shared machine's load falls on both alike.
const limitedSample: number[] = [];
const unlimitedSample: number[] = [];
for (let i = 0; i < REQUESTS; i++) {
  // Which goes first alternates too.
  const pair = i % 2 === 0 ? [limited.url, unlimited.url] : [unlimited.url, limited.url];
  for (const url of pair) (url === limited.url ? limitedSample : unlimitedSample).push((await timed(url, normalBody, true)).ms);
}
const withLimits = { p50: percentile(limitedSample, 50), p95: percentile(limitedSample, 95), };
const withoutLimits = { p50: percentile(unlimitedSample, 50), p95: percentile(unlimitedSample, 95) };

// Attacks and normal queries at once: the refusals must not hold the normal queries up.
const underAttack: number[] = [];
await Promise.all([
  ...Array.from({ length: ATTACKS }, () => timed(limited.url, ATTACK_3000, false)),
  (async () => {
    for (let i = 0; i < ATTACKS; i++) underAttack.push((await timed(limited.url, normalBody, true)).ms);
  })(),
]);

const baseline = await timed(unlimited.url, attack(BASELINE_ALIASES), false);

console.log(`palermo bench:edge (${REQUESTS} normal queries, ${ATTACKS} attacks; HTTP round trips on 127.0.0.1)`);
console.log(`  3,000-alias __schema request, ${(ATTACK_3000.length / 1024).toFixed(0)} KB, no token, refused (HTTP ${refusal.statuses}): p50 ${fmt(refusal.p50)}, p95 ${fmt(refusal.p95)}`);
console.log(`  normal query with the limits:     p50 ${fmt(withLimits.p50)}, p95 ${fmt(withLimits.p95)}`);
console.log(`  normal query on a bare yoga:      p50 ${fmt(withoutLimits.p50)}, p95 ${fmt(withoutLimits.p95)}`);
console.log(`  overhead of the limits (p50 ratio): ${(withLimits.p50 / withoutLimits.p50).toFixed(2)}x`);
console.log(`  normal query while ${ATTACKS} attacks arrive at once: p50 ${fmt(percentile(underAttack, 50))}, p95 ${fmt(percentile(underAttack, 95))}`);
console.log(`  for scale, a bare yoga: ${BASELINE_ALIASES} aliases of __schema answered in ${fmt(baseline.ms)} with ${(baseline.bytes / 1024 / 1024).toFixed(1)} MB (HTTP ${baseline.status})`);

await Promise.all([limited.server, unlimited.server].map((s) => new Promise((resolve) => s.close(resolve))));
await servers.stop();
process.exit(0);
