// The score of an expert for a slot: named parts, each with its points and the reason a manager reads.
// Weights are palermo's design (domain.md 6 names the dimensions, not the weights): field dominates,
// then instrument and language, then experience of the region, past outcomes and workload.
import { STATES } from '../code-lists/index.js';
import { groupOf } from '../expertise.js';
import { levelRank } from '../languages.js';
import { sharedLanguages } from './exclusions.js';
import type { MatchTarget, RosterExpert, ScorePart } from './types.js';

export const WEIGHTS = { field: 40, fieldBranch: 20, instrument: 15, article: 5, language: 15, regionState: 10, region: 7, outcomes: 10, workloadPerAssignment: 3, workloadCap: 15 } as const;

const regionsCache = new Map<string, readonly string[]>();
/** A State's regions, its first one being its UN regional group (code lists). */
export const regionsOf = (stateCode: string): readonly string[] => {
  let r = regionsCache.get(stateCode);
  if (!r) regionsCache.set(stateCode, (r = STATES.find((s) => s.code === stateCode)?.regions ?? []));
  return r;
};

function put(o: ScorePart, name: ScorePart['name'], points: number, reason: string): ScorePart {
  o.name = name;
  o.points = points;
  o.reason = reason;
  return o;
}

function fieldPart(expert: RosterExpert, target: MatchTarget, x: boolean, o: ScorePart): ScorePart {
  const exact = target.fields.find((f) => expert.profile.fields.includes(f));
  if (exact) return put(o, 'FIELD', WEIGHTS.field, x ? `expert in ${exact}` : '');
  // Same branch of the taxonomy: a group covers its fields, and a field of the group answers the group.
  for (const f of target.fields) {
    const near = expert.profile.fields.find((e) => groupOf(e) === groupOf(f));
    if (near) return put(o, 'FIELD', WEIGHTS.fieldBranch, x ? `${near} is in the same group as ${f}` : '');
  }
  return put(o, 'FIELD', 0, x ? `no field of ${target.fields.join(', ') || 'the need'}` : '');
}

function instrumentPart(expert: RosterExpert, target: MatchTarget, x: boolean, o: ScorePart): ScorePart {
  const known = expert.profile.instruments.find((i) => i.instrument === target.instrument);
  if (!known) return put(o, 'INSTRUMENT', 0, x ? `does not list ${target.instrument}` : '');
  if (target.article && known.articles.includes(target.article)) {
    return put(o, 'INSTRUMENT', WEIGHTS.instrument + WEIGHTS.article, x ? `knows ${target.instrument} article ${target.article}` : '');
  }
  return put(o, 'INSTRUMENT', WEIGHTS.instrument, x ? `knows ${target.instrument}` : '');
}

function languagePart(expert: RosterExpert, target: MatchTarget, x: boolean, o: ScorePart): ScorePart {
  let best: { language: string; level: string } | undefined;
  for (const l of sharedLanguages(expert, target)) if (!best || levelRank(l.level as never) > levelRank(best.level as never)) best = l;
  if (!best) return put(o, 'LANGUAGE', 0, 'no shared working language');
  return put(o, 'LANGUAGE', languagePoints(levelRank(best.level as never)), x ? `${best.language} at ${best.level}` : '');
}

/** The language part for the best shared working level (its rank in LEVELS: B1 = 2 ... NATIVE = 6). */
export function languagePoints(rank: number): number {
  // B1 gives 40 % of the weight, NATIVE all of it.
  return Math.round(WEIGHTS.language * (0.4 + (0.6 * (rank - 2)) / 4));
}

function regionPart(expert: RosterExpert, target: MatchTarget, x: boolean, o: ScorePart): ScorePart {
  if (expert.profile.states.includes(target.stateCode)) return put(o, 'REGION', WEIGHTS.regionState, x ? `has worked in ${target.stateCode}` : '');
  const regions = regionsOf(target.stateCode);
  // A national knows the subregions of its State, not a whole UN regional group (each State's first
  // region): sharing only "AFRICA" with the beneficiary says little about experience.
  const shared = expert.profile.regions.find((r) => regions.includes(r)) ?? regionsOf(expert.nationality).slice(1).find((r) => regions.includes(r));
  if (shared) return put(o, 'REGION', WEIGHTS.region, x ? `experience of ${shared}` : '');
  return put(o, 'REGION', 0, 'no experience of the region');
}

function outcomesPart(expert: RosterExpert, x: boolean, o: ScorePart): ScorePart {
  const n = expert.pastOutcomes.length;
  if (n === 0) return put(o, 'PAST_OUTCOMES', outcomesPoints(expert), 'no past delivery yet: neutral');
  return put(o, 'PAST_OUTCOMES', outcomesPoints(expert), x ? `mean rating ${meanRating(expert).toFixed(1)} of 4 over ${n} deliveries` : '');
}

const meanRating = (expert: RosterExpert): number => expert.pastOutcomes.reduce((a, b) => a + b, 0) / expert.pastOutcomes.length;

/** The past-outcomes part: the mean rating (1-4) on the weight, neutral (half) before a first delivery. */
export function outcomesPoints(expert: RosterExpert): number {
  if (expert.pastOutcomes.length === 0) return WEIGHTS.outcomes / 2;
  return Math.round((WEIGHTS.outcomes * (meanRating(expert) - 1)) / 3 * 10) / 10;
}

function workloadPart(expert: RosterExpert, x: boolean, o: ScorePart): ScorePart {
  return put(o, 'WORKLOAD', workloadPoints(expert), expert.workload === 0 ? 'no current assignment' : `${expert.workload} current assignment(s)`);
}

/** The workload part: minus points per assignment held now, capped. */
export function workloadPoints(expert: RosterExpert): number {
  return expert.workload === 0 ? 0 : -Math.min(WEIGHTS.workloadCap, WEIGHTS.workloadPerAssignment * expert.workload);
}

/** The parts of the score, each explained. */
export function scoreParts(expert: RosterExpert, target: MatchTarget): ScorePart[] {
  const part = (): ScorePart => ({ name: 'FIELD', points: 0, reason: '' });
  return [fieldPart(expert, target, true, part()), instrumentPart(expert, target, true, part()), languagePart(expert, target, true, part()), regionPart(expert, target, true, part()), outcomesPart(expert, true, part()), workloadPart(expert, true, part())];
}

const scratch: ScorePart = { name: 'FIELD', points: 0, reason: '' };
/** The same sum as scoreParts, without reasons or allocation: ranking 100,000 experts explains only the top. */
export function scorePoints(expert: RosterExpert, target: MatchTarget): number {
  const points = fieldPart(expert, target, false, scratch).points + instrumentPart(expert, target, false, scratch).points + languagePart(expert, target, false, scratch).points
    + regionPart(expert, target, false, scratch).points + outcomesPart(expert, false, scratch).points + workloadPart(expert, false, scratch).points;
  return Math.round(points * 10) / 10;
}

export const total = (parts: readonly ScorePart[]): number => Math.round(parts.reduce((s, p) => s + p.points, 0) * 10) / 10;
