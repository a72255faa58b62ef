// Hard rules: an expert who breaks one is not ranked, and the manager is told which rule and why.
import { STATES } from '../code-lists/index.js';
import { levelRank, workingLanguagesOf, WORKING_LEVEL, type LanguageCode } from '../languages.js';
import type { Exclusion, MatchTarget, RosterExpert } from './types.js';

/**
 * The languages the work is done in: those the manager named for it (any ISO 639-1 code), or else the
 * beneficiary State's working languages.
 */
export function languagesFor(target: string | Pick<MatchTarget, 'stateCode' | 'languages'>): readonly LanguageCode[] {
  if (typeof target === 'string') return workingLanguagesOf(target);
  return target.languages?.length ? target.languages : workingLanguagesOf(target.stateCode);
}

/** The languages the expert shares with the beneficiary at working level (B1 or better). */
export function sharedLanguages(expert: RosterExpert, target: string | Pick<MatchTarget, 'stateCode' | 'languages'>): { language: string; level: string }[] {
  const wanted: readonly LanguageCode[] = languagesFor(target);
  const min = levelRank(WORKING_LEVEL);
  return expert.profile.languages.filter((l) => wanted.includes(l.language as LanguageCode) && levelRank(l.level) >= min);
}

/** Whether the expert shares a working language with the beneficiary (no allocation: runs over the whole roster). */
export function sharesLanguage(expert: RosterExpert, target: string | Pick<MatchTarget, 'stateCode' | 'languages'>): boolean {
  const wanted: readonly string[] = languagesFor(target);
  const min = levelRank(WORKING_LEVEL);
  for (const l of expert.profile.languages) if (levelRank(l.level) >= min && wanted.includes(l.language)) return true;
  return false;
}

export function isAvailable(expert: RosterExpert, window: { from: string; to: string }): boolean {
  // ISO dates compare as strings. One declared window must cover the whole delivery.
  return expert.profile.availability.some((w) => w.from <= window.from && w.to >= window.to);
}

/** The hard rules the expert breaks; `explain: false` leaves the reasons empty (ranking the whole roster). */
export function exclusionsOf(expert: RosterExpert, target: MatchTarget, explain = true): Exclusion[] {
  const x = explain;
  const out: Exclusion[] = [];
  if (expert.status === 'SUSPENDED') out.push({ rule: 'SUSPENDED', reason: 'suspended from the roster by a programme manager' });
  if (!sharesLanguage(expert, target)) {
    const whose = target.languages?.length ? 'the languages the work is done in' : `working languages of ${target.stateCode}`;
    out.push({ rule: 'NO_SHARED_LANGUAGE', reason: x ? `speaks none of ${languagesFor(target).join(', ')} (${whose}) at ${WORKING_LEVEL} or better` : '' });
  }
  if (target.window && !isAvailable(expert, target.window)) {
    out.push({ rule: 'UNAVAILABLE', reason: x ? `no declared availability covers ${target.window.from} to ${target.window.to}` : '' });
  }
  const c = expert.profile.conflicts;
  if (c.states.includes(target.stateCode)) out.push({ rule: 'CONFLICT_OF_INTEREST', reason: x ? `declared a conflict with ${target.stateCode}` : '' });
  if (target.projectId && c.projects.includes(target.projectId)) out.push({ rule: 'CONFLICT_OF_INTEREST', reason: x ? `declared a conflict with project ${target.projectId}` : '' });
  const orgs = (target.organisations ?? []).filter((o) => c.organisations.some((d) => d.toLowerCase() === o.toLowerCase()));
  if (orgs.length) out.push({ rule: 'CONFLICT_OF_INTEREST', reason: x ? `declared a conflict with ${orgs.join(', ')}` : '' });
  return out;
}

/** Whether the expert breaks any hard rule of exclusionsOf, without building the list (ranking a roster for many slots). */
export function breaksHardRule(expert: RosterExpert, target: MatchTarget): boolean {
  if (expert.status === 'SUSPENDED') return true;
  if (!sharesLanguage(expert, target)) return true;
  if (target.window && !isAvailable(expert, target.window)) return true;
  const c = expert.profile.conflicts;
  if (c.states.includes(target.stateCode)) return true;
  if (target.projectId && c.projects.includes(target.projectId)) return true;
  return (target.organisations ?? []).some((o) => c.organisations.some((d) => d.toLowerCase() === o.toLowerCase()));
}

/** The region of a State's first listed region: the expert's home region for geographical balance (R12). */
export function homeRegionOf(stateCode: string): string {
  return STATES.find((s) => s.code === stateCode)?.regions[0] ?? 'UNKNOWN';
}
