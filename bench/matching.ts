// `npm run bench:matching [-- --sizes 1000,10000,100000]`: ranks one need against synthetic rosters
// (invented experts drawn from the taxonomy, languages and States) and assigns a 10-slot team; prints
// the median time of each and how it grows with the roster. Pure and in memory. Both sides in the same
// run: the rule over the roster itself (rankExperts, once per slot for the team) and the roster's index
// (roster-index.ts) as the API ranks, the index built once per roster version (its time printed apart).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { STATES } from '../domain/code-lists/index.js';
import { EXPERTISE_FIELDS, fieldsForNeed } from '../domain/expertise.js';
import { LEVELS } from '../domain/languages.js';
// The languages the seeds name (domain.md 3.14), so figures stay comparable now that the roster takes any ISO 639-1 code.
const SEED_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'pt', 'fa', 'sq'];
import { greedyTeam, optimalTeam, type Slot } from '../domain/matching/assign.js';
import { homeRegionOf } from '../domain/matching/exclusions.js';
import { rankExperts } from '../domain/matching/rank.js';
import { indexRoster, rankOnIndex, rankSlotsOnIndex } from '../domain/matching/roster-index.js';
import type { MatchTarget, RosterExpert } from '../domain/matching/types.js';
import { fmt, percentile } from './stats.js';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, runs: { type: 'string', default: '7' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

// A small deterministic generator, so every run benches the same rosters.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const leaves = EXPERTISE_FIELDS.filter((f) => f.parent).map((f) => f.code);

function syntheticExpert(i: number): RosterExpert {
  const langs = [...new Set([pick(SEED_LANGUAGES), pick(SEED_LANGUAGES), 'en'])].slice(0, 1 + Math.floor(rand() * 3));
  const year = 2027 + Math.floor(rand() * 2);
  return {
    id: `bench-expert-${i}`, name: `Synthetic expert ${i} (invented)`, nationality: pick(STATES).code,
    status: rand() < 0.03 ? 'SUSPENDED' : 'ACTIVE', pastOutcomes: rand() < 0.5 ? [1 + Math.floor(rand() * 4)] : [], workload: Math.floor(rand() * 3),
    profile: {
      fields: [pick(leaves), pick(leaves), pick(leaves)], instruments: [{ instrument: pick(['UNTOC', 'TIP', 'SOM', 'FA', 'UNCAC']), articles: rand() < 0.3 ? ['32'] : [] }],
      languages: langs.map((language) => ({ language, level: pick(LEVELS.slice(2)) })), regions: [pick(STATES).regions[0]], states: [pick(STATES).code],
      availability: [{ from: `${year}-01-01`, to: `${year}-12-31` }], conflicts: { states: rand() < 0.02 ? [pick(STATES).code] : [], projects: [], organisations: [] }, capacity: 1 + Math.floor(rand() * 2),
    },
  };
}

const STATE_CODES = ['GAB', 'KEN', 'HND', 'BOL', 'TCD', 'NAM', 'ECU', 'GIN', 'NER', 'CMR'];
const ACTIVITIES = ['(d)', '(b)', '(e)', '(f)(i)', '(g)', '(h)', '(d)', '(e)', '(b)', '(g)'];
const target = (k: number): MatchTarget => ({
  stateCode: STATE_CODES[k]!, fields: fieldsForNeed({ instrument: 'UNTOC', priorityActivity: ACTIVITIES[k]!, priorityArea: 'PA-B' }),
  instrument: 'UNTOC', article: '32', window: { from: '2027-03-01', to: '2027-03-15' },
});

function time1(task: () => void): number {
  const t = performance.now();
  task();
  return performance.now() - t;
}

function time(task: () => void): number {
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    task();
    samples.push(performance.now() - t);
  }
  return percentile(samples, 50);
}

console.log(`bench:matching: median of ${runs} runs over synthetic rosters (invented experts), node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('roster    index once   rank 1 need: full scan   on index   index/full   10-slot team: per slot, full scan   on index   index/full   optimal only   optimal/greedy total');
let previous: { size: number; rank: number; team: number } | undefined;
for (const size of sizes) {
  seed = 42;
  const roster = Array.from({ length: size }, (_, i) => syntheticExpert(i));
  const index = indexRoster(roster);
  const build = time(() => void indexRoster(roster));
  const rankOptions = { limit: 20, excludedLimit: 5 };
  if (JSON.stringify(rankOnIndex(index, target(0), rankOptions)) !== JSON.stringify(rankExperts(roster, target(0), rankOptions))) throw new Error('the index and the full scan rank differently');
  const rankSamples: number[] = [];
  const rankIndexSamples: number[] = [];
  for (let r = 0; r < runs; r++) {
    rankSamples.push(time1(() => void rankExperts(roster, target(0), rankOptions)));
    rankIndexSamples.push(time1(() => void rankOnIndex(index, target(0), rankOptions)));
  }
  const rankFull = percentile(rankSamples, 50);
  const rank = percentile(rankIndexSamples, 50);
  const targets = Array.from({ length: 10 }, (_, k) => target(k));
  const toSlots = (lists: { expert: RosterExpert; score: number }[][]): Slot[] => lists.map((ranked, k) => ({
    id: `slot-${k + 1}`,
    candidates: ranked.map((r) => ({ expertId: r.expert.id, score: r.score, capacity: r.expert.profile.capacity, homeRegion: homeRegionOf(r.expert.nationality) })),
  }));
  // The rule over the roster once per slot, and every slot on the index. Both sides, alternately, in this run.
  const perSlot = () => toSlots(targets.map((t) => rankExperts(roster, t, { limit: 30 }).ranked));
  const onePass = () => toSlots(rankSlotsOnIndex(index, targets, 30));
  const perSlotSamples: number[] = [];
  const onePassSamples: number[] = [];
  for (let r = 0; r < runs; r++) {
    perSlotSamples.push(time1(() => void optimalTeam(perSlot(), 3)));
    onePassSamples.push(time1(() => void optimalTeam(onePass(), 3)));
  }
  const teamPerSlot = percentile(perSlotSamples, 50);
  const team = percentile(onePassSamples, 50);
  const slots = onePass();
  if (JSON.stringify(slots) !== JSON.stringify(perSlot())) throw new Error('the index and per-slot ranking disagree');
  const optimalOnly = time(() => void optimalTeam(slots, 3));
  const best = optimalTeam(slots, 3), greedy = greedyTeam(slots, 3);
  console.log(`${String(size).padStart(7)}   ${fmt(build).padStart(10)}   ${fmt(rankFull).padStart(22)}   ${fmt(rank).padStart(8)}   ${(rank / rankFull).toFixed(3).padStart(9)}x   ${fmt(teamPerSlot).padStart(32)}   ${fmt(team).padStart(8)}   ${(team / teamPerSlot).toFixed(3).padStart(9)}x   ${fmt(optimalOnly).padStart(12)}   ${best.total} / ${greedy.total} (${best.assignments.length} / ${greedy.assignments.length} slots filled)`);
  if (previous) {
    const x = size / previous.size;
    console.log(`          x${x} roster: ranking on index x${(rank / previous.rank).toFixed(1)}, team on index x${(team / previous.team).toFixed(1)}`);
  }
  previous = { size, rank, team };
}
