// zod schemas of the roster: a State's nomination and the profile the expert keeps (domain.md 6).
import { z } from 'zod';
import { INSTRUMENTS, REGIONS, STATES } from './code-lists/index.js';
import { isExpertiseField } from './expertise.js';
import { LANGUAGES, LEVELS } from './languages.js';

const text = (max: number) =>
  z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const stateCode = z.string().refine((v) => STATES.some((s) => s.code === v), { error: (i) => `unknown State "${String(i.input)}"` });
const regionCode = z.string().refine((v) => REGIONS.some((r) => r.code === v), { error: (i) => `unknown region "${String(i.input)}"` });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });
const unique = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).refine((xs) => new Set(xs.map((x) => JSON.stringify(x))).size === xs.length, { error: `lists a ${what} twice` });

export const expertProfileInput = z.object({
  fields: unique(z.string().refine(isExpertiseField, { error: (i) => `unknown field of expertise "${String(i.input)}"` }), 'field')
    .min(1, { error: 'name at least one field of expertise' }),
  instruments: z.array(z.object({
    instrument: z.string().refine((v) => INSTRUMENTS.some((i) => i.code === v), { error: (i) => `unknown instrument "${String(i.input)}"` }),
    articles: z.array(z.string().regex(/^\d+[a-z]?(\(\d+\))*(\([a-z]\))?$/, { error: 'must be an article number such as 27 or 8(6)' })).default([]),
  })).default([]),
  languages: z.array(z.object({
    language: z.string().refine((v) => LANGUAGES.some((l) => l.code === v), { error: (i) => `unknown language "${String(i.input)}"` }),
    level: z.enum(LEVELS, { error: (i) => `unknown level "${String(i.input)}" (A1-C2 or NATIVE)` }),
  })).min(1, { error: 'name at least one language' })
    .refine((ls) => new Set(ls.map((l) => l.language)).size === ls.length, { error: 'lists a language twice' }),
  regions: unique(regionCode, 'region').default([]),
  states: unique(stateCode, 'State').default([]),
  availability: z.array(z.object({ from: isoDate, to: isoDate }).refine((w) => w.from <= w.to, { error: 'ends before it starts', path: ['to'] })).default([]),
  conflicts: z.object({
    states: unique(stateCode, 'State').default([]),
    projects: z.array(text(200)).default([]),
    organisations: z.array(text(200)).default([]),
  }).default({ states: [], projects: [], organisations: [] }),
  /** How many slots the expert takes at once (capacity in team assignment). */
  capacity: z.number().int().min(1, { error: 'must be 1-5' }).max(5, { error: 'must be 1-5' }).default(1),
});
export type ExpertProfile = z.output<typeof expertProfileInput>;

export const nominationInput = z.object({
  name: text(200),
  nationality: stateCode,
  nominatingState: stateCode,
  institution: text(300),
  email: z.email({ error: 'must be an e-mail address' }).optional(),
  profile: expertProfileInput,
});
export type NominationInput = z.output<typeof nominationInput>;

export const rosterDecisionInput = z.object({ expertId: text(100), reason: text(1000) });
