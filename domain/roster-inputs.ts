// zod schemas of the roster: a State's nomination and the profile the expert keeps (domain.md 6).
import { z } from 'zod';
import { INSTRUMENTS, REGIONS, STATES } from './code-lists/index.js';
import { isExpertiseField } from './expertise.js';
import { LANGUAGES, LEVELS } from './languages.js';

import { boundedInt, calendarDate, codeOf, identifier, line, preview, text, uniqueList } from './boundary.js';

const stateCode = codeOf(STATES, 'State');
const regionCode = codeOf(REGIONS, 'region');
const isoDate = calendarDate;
const unique = <T extends z.ZodType>(item: T, what: string, max = 200) => uniqueList(item, { what, max });

export const expertProfileInput = z.object({
  fields: uniqueList(z.string().max(100, { error: 'unknown field of expertise' }).refine(isExpertiseField, { error: (i) => `unknown field of expertise "${preview(i.input)}"` }), { what: 'field', min: 1, max: 100 }),
  instruments: uniqueList(z.object({
    instrument: codeOf(INSTRUMENTS, 'instrument'),
    articles: unique(z.string().max(30, { error: 'must be an article number such as 27 or 8(6)' }).regex(/^\d+[a-z]?(\(\d+\))*(\([a-z]\))?$/, { error: 'must be an article number such as 27 or 8(6)' }), 'article').default([]),
  }), { what: 'instrument', max: 20, key: (i) => i.instrument }).default([]),
  languages: uniqueList(z.object({
    language: codeOf(LANGUAGES, 'language'),
    level: z.enum(LEVELS, { error: (i) => `unknown level "${preview(i.input)}" (A1-C2 or NATIVE)` }),
  }), { what: 'language', min: 1, max: 50, key: (l) => l.language }),
  regions: unique(regionCode, 'region').default([]),
  states: unique(stateCode, 'State').default([]),
  availability: z.array(z.object({ from: isoDate, to: isoDate }).refine((w) => w.from <= w.to, { error: 'ends before it starts', path: ['to'] })).max(100, { error: 'at most 100 availability windows' }).default([]),
  conflicts: z.object({
    states: unique(stateCode, 'State').default([]),
    projects: unique(identifier(200), 'project').default([]),
    organisations: unique(line(200), 'organisation').default([]),
  }).default({ states: [], projects: [], organisations: [] }),
  /** How many slots the expert takes at once (capacity in team assignment). */
  capacity: boundedInt(1, 5).default(1),
});
export type ExpertProfile = z.output<typeof expertProfileInput>;

export const nominationInput = z.object({
  name: line(200),
  nationality: stateCode,
  nominatingState: stateCode,
  institution: line(300),
  email: z.string().max(254, { error: 'must be an e-mail address' }).pipe(z.email({ error: 'must be an e-mail address' })).optional(),
  profile: expertProfileInput,
});
export type NominationInput = z.output<typeof nominationInput>;

export const rosterDecisionInput = z.object({ expertId: identifier(100), reason: text(1000) });
