// The roster indexed once (per roster version: api/roster-cache.ts) by what decides eligibility and the
// score, so a request does not walk 100,000 expert objects (issue 13). Each expert gets a position (its
// place in the roster, so roster order still decides ties) and numbers in typed arrays: its working
// languages with their best level, its fields and their groups, instruments and articles, States and
// regions of experience, availability (experts declaring the same windows share one check), conflicts,
// and its standing (past outcomes, workload). Ranking a slot is then: mark who passes the hard rules
// from the language lists and the few exceptions (suspended, unavailable, in conflict), score those in
// one loop over integers, and keep the best `limit` in a bounded heap (no sort of the whole roster).
// Only the experts shown get their explained parts (scoreParts) and exclusions (exclusionsOf), from the
// rules themselves. The result is exactly rankExperts's (test/matching-index.test.ts).
import { groupOf } from '../expertise.js';
import { levelRank, WORKING_LEVEL, type LanguageLevel } from '../languages.js';
import { exclusionsOf, isAvailable, languagesFor } from './exclusions.js';
import { onRoster, type RankedExpert, type Ranking } from './rank.js';
import { languagePoints, outcomesPoints, regionsOf, scoreParts, WEIGHTS, workloadPoints } from './score.js';
import type { MatchTarget, RosterExpert } from './types.js';

/** Numbers for codes (languages, fields, States...), given in order of first sight. */
class Codes {
  readonly ids = new Map<string, number>();
  id(code: string): number {
    let id = this.ids.get(code);
    if (id === undefined) this.ids.set(code, (id = this.ids.size));
    return id;
  }
}

/** One list of codes per expert, as numbers, flattened: expert i's are values[start[i]] .. values[start[i + 1] - 1]. */
interface Lists { start: Int32Array; values: Int32Array }
function listsOf<T>(items: readonly T[], codes: Codes, each: (item: T, add: (code: string) => void) => void): Lists {
  const start = new Int32Array(items.length + 1);
  const values: number[] = [];
  const add = (code: string) => void values.push(codes.id(code));
  items.forEach((item, i) => {
    each(item, add);
    start[i + 1] = values.length;
  });
  return { start, values: Int32Array.from(values) };
}

/** Per code, the positions (ascending) of the experts it names, each once with its highest value (a language's level). */
class Postings {
  private readonly lists = new Map<string, { experts: number[]; value: number[] }>();
  /** Positions are added in ascending order. */
  add(code: string, position: number, value = 0): void {
    let list = this.lists.get(code);
    if (!list) this.lists.set(code, (list = { experts: [], value: [] }));
    const last = list.experts.length - 1;
    if (list.experts[last] !== position) {
      list.experts.push(position);
      list.value.push(value);
    } else if (value > list.value[last]!) list.value[last] = value;
  }
  done(): Map<string, { experts: Int32Array; value: Uint8Array }> {
    return new Map([...this.lists].map(([code, l]) => [code, { experts: Int32Array.from(l.experts), value: Uint8Array.from(l.value) }]));
  }
  positions(): Map<string, Int32Array> {
    return new Map([...this.lists].map(([code, l]) => [code, Int32Array.from(l.experts)]));
  }
}

export interface RosterIndex {
  /** The experts on the roster for matching (ACTIVE and SUSPENDED), in roster order: position i is experts[i]. */
  readonly experts: readonly RosterExpert[];
  readonly suspended: Int32Array;
  /** Per language: who works in it (B1 or better), and their best level there (its rank in LEVELS). */
  readonly languages: ReadonlyMap<string, { experts: Int32Array; value: Uint8Array }>;
  /** Experts declaring the same availability windows share a group, checked once per window asked. */
  readonly availabilityGroup: Int32Array;
  readonly availabilityOf: readonly RosterExpert[];
  readonly conflictStates: ReadonlyMap<string, Int32Array>;
  readonly conflictProjects: ReadonlyMap<string, Int32Array>;
  /** Lower-cased: a conflict with an organisation is declared in any case. */
  readonly conflictOrganisations: ReadonlyMap<string, Int32Array>;
  readonly fieldCodes: ReadonlyMap<string, number>;
  readonly groupCodes: ReadonlyMap<string, number>;
  /** The group of each field code. */
  readonly groupOfField: Int32Array;
  readonly fields: Lists;
  readonly instrumentCodes: ReadonlyMap<string, number>;
  readonly articleCodes: ReadonlyMap<string, number>;
  /** Expert i's declared instruments in their order (the first one naming the slot's instrument counts); entry k's articles are articles[k]. */
  readonly instruments: Lists;
  readonly articles: Lists;
  readonly stateCodes: ReadonlyMap<string, number>;
  readonly regionCodes: ReadonlyMap<string, number>;
  /** The States the expert worked in. */
  readonly states: Lists;
  /** The regions the expert knows: its declared ones and its nationality's subregions (score.ts regionPart). */
  readonly regions: Lists;
  readonly outcomes: Float64Array;
  readonly workload: Float64Array;
}

const WORKING = levelRank(WORKING_LEVEL);

/** Indexes the roster; experts off the roster for matching (NOMINATED, RETIRED) are left out, as rankExperts leaves them. */
export function indexRoster(roster: readonly RosterExpert[]): RosterIndex {
  const experts = roster.filter(onRoster);
  const n = experts.length;

  const languages = new Postings();
  const conflictStates = new Postings();
  const conflictProjects = new Postings();
  const conflictOrganisations = new Postings();
  const suspended: number[] = [];
  const windows = new Codes();
  const availabilityOf: RosterExpert[] = [];
  const availabilityGroup = new Int32Array(n);
  experts.forEach((e, i) => {
    if (e.status === 'SUSPENDED') suspended.push(i);
    for (const l of e.profile.languages) {
      const rank = levelRank(l.level as LanguageLevel);
      if (rank >= WORKING) languages.add(l.language, i, rank);
    }
    // The windows as declared: two experts share a group only if they declared the very same windows.
    const group = windows.id(JSON.stringify(e.profile.availability));
    if (group === availabilityOf.length) availabilityOf.push(e);
    availabilityGroup[i] = group;
    const c = e.profile.conflicts;
    for (const state of c.states) conflictStates.add(state, i);
    for (const project of c.projects) conflictProjects.add(project, i);
    for (const organisation of c.organisations) conflictOrganisations.add(organisation.toLowerCase(), i);
  });

  const fieldCodes = new Codes();
  const groupCodes = new Codes();
  const fields = listsOf(experts, fieldCodes, (e, add) => e.profile.fields.forEach(add));
  const groupOfField = Int32Array.from(fieldCodes.ids.keys(), (f) => groupCodes.id(groupOf(f)));
  const instrumentCodes = new Codes();
  const articleCodes = new Codes();
  const instruments = listsOf(experts, instrumentCodes, (e, add) => e.profile.instruments.forEach((x) => add(x.instrument)));
  const entries = experts.flatMap((e) => e.profile.instruments); // in the order of instruments.values
  const articles = listsOf(entries, articleCodes, (x, add) => x.articles.forEach(add));
  const stateCodes = new Codes();
  const regionCodes = new Codes();
  const states = listsOf(experts, stateCodes, (e, add) => e.profile.states.forEach(add));
  const regions = listsOf(experts, regionCodes, (e, add) => {
    e.profile.regions.forEach(add);
    const national = regionsOf(e.nationality);
    for (let k = 1; k < national.length; k++) add(national[k]!);
  });

  return {
    experts,
    suspended: Int32Array.from(suspended),
    languages: languages.done(),
    availabilityGroup,
    availabilityOf,
    conflictStates: conflictStates.positions(),
    conflictProjects: conflictProjects.positions(),
    conflictOrganisations: conflictOrganisations.positions(),
    fieldCodes: fieldCodes.ids,
    groupCodes: groupCodes.ids,
    groupOfField,
    fields,
    instrumentCodes: instrumentCodes.ids,
    articleCodes: articleCodes.ids,
    instruments,
    articles,
    stateCodes: stateCodes.ids,
    regionCodes: regionCodes.ids,
    states,
    regions,
    outcomes: Float64Array.from(experts, outcomesPoints),
    workload: Float64Array.from(experts, workloadPoints),
  };
}

/**
 * Who passes the hard rules of exclusions.ts for the slot: per position, the rank of the best working
 * level among the languages the work is done in, or 0 for an excluded expert.
 */
function eligibility(ix: RosterIndex, target: MatchTarget): Uint8Array {
  const level = new Uint8Array(ix.experts.length);
  for (const language of languagesFor(target)) {
    const speakers = ix.languages.get(language);
    if (!speakers) continue;
    for (let k = 0; k < speakers.experts.length; k++) {
      const i = speakers.experts[k]!;
      if (speakers.value[k]! > level[i]!) level[i] = speakers.value[k]!;
    }
  }
  const exclude = (positions: Int32Array | undefined) => positions?.forEach((i) => (level[i] = 0));
  exclude(ix.suspended);
  if (target.window) {
    const window = target.window;
    const available = ix.availabilityOf.map((e) => isAvailable(e, window));
    for (let i = 0; i < level.length; i++) if (level[i] && !available[ix.availabilityGroup[i]!]) level[i] = 0;
  }
  exclude(ix.conflictStates.get(target.stateCode));
  if (target.projectId) exclude(ix.conflictProjects.get(target.projectId));
  for (const o of target.organisations ?? []) exclude(ix.conflictOrganisations.get(o.toLowerCase()));
  return level;
}

/** Score of every eligible expert (score.ts scorePoints, summed in the same order so equal to the last bit), keeping the best `limit`. */
function bestScored(ix: RosterIndex, target: MatchTarget, level: Uint8Array, limit: number): { positions: Int32Array; scores: Float64Array; eligible: number } {
  const flags = (codes: ReadonlyMap<string, number>, wanted: Iterable<string>) => {
    const hit = new Uint8Array(codes.size);
    for (const code of wanted) {
      const id = codes.get(code);
      if (id !== undefined) hit[id] = 1;
    }
    return hit;
  };
  const exactField = flags(ix.fieldCodes, target.fields);
  const sameGroup = flags(ix.groupCodes, target.fields.map(groupOf));
  const region = flags(ix.regionCodes, regionsOf(target.stateCode));
  const instrument = ix.instrumentCodes.get(target.instrument) ?? -1;
  const article = target.article ? ix.articleCodes.get(target.article) ?? -1 : -1;
  const state = ix.stateCodes.get(target.stateCode) ?? -1;
  const languagePointsOf = Float64Array.from({ length: 8 }, (_, rank) => (rank >= WORKING ? languagePoints(rank) : 0));
  const { fields, groupOfField, instruments, articles, states, regions, outcomes, workload } = ix;

  const heap = new TopScores(limit);
  let eligible = 0;
  for (let i = 0; i < level.length; i++) {
    if (!level[i]) continue;
    eligible++;
    let fieldPoints = 0;
    for (let j = fields.start[i]!; j < fields.start[i + 1]!; j++) {
      const f = fields.values[j]!;
      if (exactField[f]) { fieldPoints = WEIGHTS.field; break; }
      if (sameGroup[groupOfField[f]!]) fieldPoints = WEIGHTS.fieldBranch;
    }
    let instrumentPoints = 0;
    for (let j = instruments.start[i]!; j < instruments.start[i + 1]!; j++) {
      if (instruments.values[j] !== instrument) continue;
      instrumentPoints = WEIGHTS.instrument;
      for (let a = articles.start[j]!; a < articles.start[j + 1]!; a++) if (articles.values[a] === article) { instrumentPoints += WEIGHTS.article; break; }
      break;
    }
    let regionPoints = 0;
    for (let j = states.start[i]!; j < states.start[i + 1]!; j++) if (states.values[j] === state) { regionPoints = WEIGHTS.regionState; break; }
    if (!regionPoints) for (let j = regions.start[i]!; j < regions.start[i + 1]!; j++) if (region[regions.values[j]!]) { regionPoints = WEIGHTS.region; break; }
    const points = fieldPoints + instrumentPoints + languagePointsOf[level[i]!]! + regionPoints + outcomes[i]! + workload[i]!;
    heap.offer(i, Math.round(points * 10) / 10);
  }
  return { ...heap.sorted(), eligible };
}

/**
 * The best `limit` (position, score) pairs: highest score first, equal scores in roster order. A binary
 * heap with the worst kept on top; positions are offered in ascending order, so a newcomer that only
 * ties the worst stays out (the earlier expert wins the tie, as in rankExperts's stable sort).
 */
class TopScores {
  private readonly positions: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;
  constructor(private readonly limit: number) {
    this.positions = new Int32Array(limit);
    this.scores = new Float64Array(limit);
  }
  /** Whether entry a ranks below entry b. */
  private worse(a: number, b: number): boolean {
    return this.scores[a]! < this.scores[b]! || (this.scores[a] === this.scores[b] && this.positions[a]! > this.positions[b]!);
  }
  private swap(a: number, b: number): void {
    const p = this.positions[a]!, s = this.scores[a]!;
    this.positions[a] = this.positions[b]!;
    this.scores[a] = this.scores[b]!;
    this.positions[b] = p;
    this.scores[b] = s;
  }
  offer(position: number, score: number): void {
    if (this.size < this.limit) {
      let c = this.size++;
      this.positions[c] = position;
      this.scores[c] = score;
      for (let p = (c - 1) >> 1; c > 0 && this.worse(c, p); c = p, p = (c - 1) >> 1) this.swap(c, p);
      return;
    }
    if (this.limit === 0 || score <= this.scores[0]!) return;
    this.positions[0] = position;
    this.scores[0] = score;
    for (let p = 0; ;) {
      const l = 2 * p + 1, r = l + 1;
      let w = p;
      if (l < this.size && this.worse(l, w)) w = l;
      if (r < this.size && this.worse(r, w)) w = r;
      if (w === p) break;
      this.swap(p, w);
      p = w;
    }
  }
  sorted(): { positions: Int32Array; scores: Float64Array } {
    const order = Array.from({ length: this.size }, (_, k) => k).sort((a, b) => this.scores[b]! - this.scores[a]! || this.positions[a]! - this.positions[b]!);
    return { positions: Int32Array.from(order, (k) => this.positions[k]!), scores: Float64Array.from(order, (k) => this.scores[k]!) };
  }
}

function ranked(ix: RosterIndex, target: MatchTarget, best: { positions: Int32Array; scores: Float64Array }): RankedExpert[] {
  return Array.from(best.positions, (i, k) => {
    const expert = ix.experts[i]!;
    return { expert, score: best.scores[k]!, parts: scoreParts(expert, target), rank: k + 1 };
  });
}

/** rankExperts(roster, target, opts) on the indexed roster: the same ranking, excluded list and counts. `limit` and `excludedLimit` are >= 0. */
export function rankOnIndex(ix: RosterIndex, target: MatchTarget, opts: { limit?: number; excludedLimit?: number } = {}): Ranking {
  const level = eligibility(ix, target);
  const best = bestScored(ix, target, level, Math.min(opts.limit ?? Infinity, ix.experts.length));
  const excludedCount = ix.experts.length - best.eligible;
  const excluded: Ranking['excluded'] = [];
  const shown = Math.min(opts.excludedLimit ?? excludedCount, excludedCount);
  for (let i = 0; excluded.length < shown; i++) if (!level[i]) excluded.push({ expert: ix.experts[i]!, exclusions: exclusionsOf(ix.experts[i]!, target) });
  return { ranked: ranked(ix, target, best), excluded, excludedCount, eligible: best.eligible };
}

/** rankExperts(roster, target, { limit }).ranked for each slot of a team: the index is shared by all slots. */
export function rankSlotsOnIndex(ix: RosterIndex, targets: readonly MatchTarget[], limit: number): RankedExpert[][] {
  // Slots that ask the hard rules the same (a project's needs of one State, in one window) share who passes them.
  const passing = new Map<string, Uint8Array>();
  return targets.map((target) => {
    const rules = JSON.stringify([languagesFor(target), target.window ?? null, target.stateCode, target.projectId || null, target.organisations ?? []]);
    let level = passing.get(rules);
    if (!level) passing.set(rules, (level = eligibility(ix, target)));
    return ranked(ix, target, bestScored(ix, target, level, Math.min(limit, ix.experts.length)));
  });
}
