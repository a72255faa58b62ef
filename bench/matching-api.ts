// `npm run bench:matching-api [-- --experts 100000 --requests 30]`: matching over the API (issue 13: rank
// one need at 100,000 experts under 50 ms, the 10-slot team under 300 ms), on real servers, over HTTP on
// 127.0.0.1. The roster is served from the API's in-process cache (api/roster-cache.ts): the first
// request loads it, the next ones read one version row; the figures show both, and what a request cost
// before (the whole roster loaded per request, timed here in process). The ranking ranks on the roster's
// index, built once per roster version (domain/matching/roster-index.ts); the same need is ranked here
// in process both ways, by the full scan (rankExperts, as the API ranked before) and on the index, and
// the API's answer is checked against the full scan's. Experts and the project's needs are seeded in
// bulk (SQL inserts, said so), the same invented experts as bench:matching draws.
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import type { Server } from 'node:http';
import { signToken } from '../api/auth.js';
import { startApiServer } from '../api/server.js';
import { loadRoster } from '../db/queries/roster.js';
import { STATES } from '../domain/code-lists/index.js';
import { rankExperts } from '../domain/matching/rank.js';
import { indexRoster, rankOnIndex } from '../domain/matching/roster-index.js';
import type { MatchTarget } from '../domain/matching/types.js';
import { EXPERTISE_FIELDS } from '../domain/expertise.js';
import { LANGUAGES, LEVELS } from '../domain/languages.js';
import { startBenchServers } from './servers.js';
import { fmt, percentile } from './stats.js';

const { values } = parseArgs({ options: { experts: { type: 'string', default: '100000' }, requests: { type: 'string', default: '30' } } });
const size = Number(values.experts);
const requests = Number(values.requests);
const SECRET = 'bench-matching-api-secret-of-32-bytes!';

// The generator of bench/matching.ts (same seed, same invented experts).
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const leaves = EXPERTISE_FIELDS.filter((f) => f.parent).map((f) => f.code);
function syntheticExpert(i: number) {
  const langs = [...new Set([pick(LANGUAGES).code, pick(LANGUAGES).code, 'en'])].slice(0, 1 + Math.floor(rand() * 3));
  const year = 2027 + Math.floor(rand() * 2);
  const nationality = pick(STATES).code;
  return {
    id: `bench-expert-${i}`, name: `Synthetic expert ${i} (invented)`, nationality, nominating_state: nationality, institution: 'Invented institute',
    email: null, status: rand() < 0.03 ? 'SUSPENDED' : 'ACTIVE', nominated_by: 'bench', updated_at: new Date(),
    profile: JSON.stringify({
      fields: [pick(leaves), pick(leaves), pick(leaves)], instruments: [{ instrument: pick(['UNTOC', 'TIP', 'SOM', 'FA', 'UNCAC']), articles: rand() < 0.3 ? ['32'] : [] }],
      languages: langs.map((language) => ({ language, level: pick(LEVELS.slice(2)) })), regions: [pick(STATES).regions[0]], states: [pick(STATES).code],
      availability: [{ from: `${year}-01-01`, to: `${year}-12-31` }], conflicts: { states: rand() < 0.02 ? [pick(STATES).code] : [], projects: [], organisations: [] }, capacity: 1 + Math.floor(rand() * 2),
    }),
  };
}
const STATE_CODES = ['GAB', 'KEN', 'HND', 'BOL', 'TCD', 'NAM', 'ECU', 'GIN', 'NER', 'CMR'];
const ACTIVITIES = ['(d)', '(b)', '(e)', '(f)(i)', '(g)', '(h)', '(d)', '(e)', '(b)', '(g)'];

const servers = await startBenchServers('bench-matching-api');
const { db, client } = servers;
let server: Server | undefined;
try {
  for (let i = 0; i < size; i += 2000) await db.insertInto('experts').values(Array.from({ length: Math.min(2000, size - i) }, (_, k) => syntheticExpert(i + k))).execute();
  const projectId = 'bench-team-project';
  await db.insertInto('projects').values({
    id: projectId, title: 'Ten needs (invented)', stage: 'PLANNING', iati_activity_status: 1, idempotency_key: projectId, filed_by_subject: 'bench', filed_by_role: 'PROGRAMME_MANAGER',
    filed_at: new Date(), last_event_seq: 1, updated_at: new Date(), details: JSON.stringify({}), budget_amount: null, budget_currency: null, merged_into: null,
  }).execute();
  await db.insertInto('needs').values(STATE_CODES.map((state, k) => ({
    id: `bench-team-need-${k}`, project_id: projectId, position: k, state_code: state, source: 'FORMAL_REQUEST', priority_area: 'PA-B', priority_activity: ACTIVITIES[k]!,
    instrument: 'UNTOC', article: '32', forms_of_assistance: ['TRAINING_NATIONAL'], urgency: 'MEDIUM', description: `Need ${k} (invented)`,
  }))).execute();

  const api = await startApiServer({ db, temporal: client, jwtSecret: SECRET }, 0);
  server = api.server as Server;
  const token = await signToken(SECRET, { subject: 'bench-manager', role: 'PROGRAMME_MANAGER' });
  const MATCH = `query($needId: ID) { matchExperts(needId: $needId, options: { windowFrom: "2027-03-01", windowTo: "2027-03-15", limit: 20, excludedLimit: 5 }) {
    __typename ... on QueryMatchExpertsSuccess { data { needId fields eligible excludedCount ranked { rank expertId score parts { name points } } } } ... on Error { code message } } }`;
  const TEAM = `query($projectId: ID!) { proposeTeam(input: { projectId: $projectId, windowFrom: "2027-03-01", windowTo: "2027-03-15", maxPerRegion: 3, candidatesPerSlot: 30 }) {
    __typename ... on TeamProposal { optimal { total members { slot expertId score } } greedy { total } } ... on Error { code message } } }`;
  async function ask(query: string, variables: Record<string, unknown>): Promise<{ ms: number; answer: { __typename: string } }> {
    const t0 = performance.now();
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: Record<string, { __typename: string }>; errors?: unknown };
    const ms = performance.now() - t0;
    const answer = body.data && Object.values(body.data)[0];
    if (!answer || /Error$/.test(answer.__typename)) throw new Error(`failed: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, answer };
  }
  const { ms: cold, answer: match } = await ask(MATCH, { needId: 'bench-team-need-0' });
  const series = async (query: string, variables: Record<string, unknown>) => {
    const times: number[] = [];
    for (let r = 0; r < requests; r++) times.push((await ask(query, variables)).ms);
    return { p50: percentile(times, 50), p95: percentile(times, 95) };
  };
  const rank = await series(MATCH, { needId: 'bench-team-need-0' });
  const team = await series(TEAM, { projectId });
  const loads: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    await loadRoster(db);
    loads.push(performance.now() - t0);
  }
  const load = percentile(loads, 50);

  // In process, the same need both ways (alternately): the full scan, and the index (built once, timed apart).
  const roster = await loadRoster(db);
  const need = (match as unknown as { data: { fields: string[]; ranked: { expertId: string; score: number }[]; eligible: number; excludedCount: number }[] }).data[0]!;
  const target: MatchTarget = { stateCode: 'GAB', projectId, fields: need.fields, instrument: 'UNTOC', article: '32', window: { from: '2027-03-01', to: '2027-03-15' }, organisations: [] };
  const options = { limit: 20, excludedLimit: 5 };
  const builds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    indexRoster(roster);
    builds.push(performance.now() - t0);
  }
  const index = indexRoster(roster);
  const full = rankExperts(roster, target, options);
  const same = (r: { ranked: { expert: { id: string }; score: number }[]; eligible: number; excludedCount: number }) =>
    JSON.stringify([r.ranked.map((x) => [x.expert.id, x.score]), r.eligible, r.excludedCount]);
  if (same(full) !== JSON.stringify([need.ranked.map((x) => [x.expertId, x.score]), need.eligible, need.excludedCount]) || same(full) !== same(rankOnIndex(index, target, options))) {
    throw new Error('the API, the index and the full scan rank the need differently');
  }
  const scans: number[] = [];
  const onIndex: number[] = [];
  for (let r = 0; r < requests; r++) {
    let t0 = performance.now();
    rankExperts(roster, target, options);
    scans.push(performance.now() - t0);
    t0 = performance.now();
    rankOnIndex(index, target, options);
    onIndex.push(performance.now() - t0);
  }
  console.log(`bench:matching-api: ${size.toLocaleString('en')} experts (bulk-seeded), ${requests} requests each over HTTP on 127.0.0.1, one at a time; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`  first request (loads the roster into the cache)   ${fmt(cold)}`);
  console.log(`  rank one need (matchExperts), cache warm          p50 ${fmt(rank.p50)}  p95 ${fmt(rank.p95)}   goal < 50 ms: ${rank.p95 < 50 ? 'met' : 'NOT met'}`);
  console.log(`  10-slot team (proposeTeam), cache warm            p50 ${fmt(team.p50)}  p95 ${fmt(team.p95)}   goal < 300 ms: ${team.p95 < 300 ? 'met' : 'NOT met'}`);
  console.log(`  the need ranked in process (same answer as the API's): full scan p50 ${fmt(percentile(scans, 50))} p95 ${fmt(percentile(scans, 95))}, on the index p50 ${fmt(percentile(onIndex, 50))} p95 ${fmt(percentile(onIndex, 95))} (${(percentile(onIndex, 50) / percentile(scans, 50)).toFixed(3)}x); the index built once per roster version, median of 3 ${fmt(percentile(builds, 50))}`);
  console.log(`  before: the roster loaded per request, median of 3 ${fmt(load)} on top of the ranking (cache saves ${(load / rank.p50).toFixed(1)}x a warm request's time)`);
} finally {
  if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
  await servers.stop();
}
