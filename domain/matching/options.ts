// zod schemas of the manager's matching, team and invitation requests.
import { z } from 'zod';
import { boundedInt, calendarDate, codeOf, identifier, idempotencyKey, idList, line, preview, uniqueList } from '../boundary.js';
import { LANGUAGES } from '../languages.js';
import { isExpertiseField } from '../expertise.js';

const isoDate = calendarDate;

export const matchOptions = z.object({
  windowFrom: isoDate.optional(),
  windowTo: isoDate.optional(),
  fields: uniqueList(z.string().max(100, { error: 'unknown field of expertise' }).refine(isExpertiseField, { error: (i) => `unknown field of expertise "${preview(i.input)}"` }), { what: 'field', min: 1, max: 100 }).optional(),
  organisations: uniqueList(line(200), { what: 'organisation', max: 50 }).default([]),
  /** The languages the work is done in (any ISO 639-1 code), in place of the State's working languages. */
  languages: uniqueList(codeOf(LANGUAGES, 'language'), { what: 'language', max: 10 }).optional(),
  limit: boundedInt(1, 500).default(20),
  /** How many excluded experts to list with their rules (all are counted). */
  excludedLimit: boundedInt(0, 10000).default(100),
}).refine((o) => (o.windowFrom === undefined) === (o.windowTo === undefined), { error: 'give both windowFrom and windowTo, or neither', path: ['windowTo'] })
  .refine((o) => !o.windowFrom || !o.windowTo || o.windowFrom <= o.windowTo, { error: 'ends before it starts', path: ['windowTo'] });
export type MatchOptions = z.output<typeof matchOptions>;

export const teamOptions = z.object({
  windowFrom: isoDate.optional(),
  windowTo: isoDate.optional(),
  /** R12: at most this many slots filled by experts of one home region. */
  maxPerRegion: boundedInt(1, 1000).optional(),
  /** Several roles for one need: each slot names its need. Default: one slot per need of the project. */
  slots: uniqueList(z.object({ needId: identifier(), label: line(200) }), { what: 'slot', min: 1, max: 100, key: (s) => `${s.needId} ${s.label}` }).optional(),
  candidatesPerSlot: boundedInt(1, 200).default(30),
});

export const inviteInput = z.object({
  needId: identifier(),
  slot: line(200),
  candidates: idList('candidate', { min: 1, max: 20 }),
  // A year at most: Temporal timers take any duration, but a longer wait is a typing mistake.
  reminderSeconds: boundedInt(1, 366 * 86400),
  deadlineSeconds: boundedInt(1, 366 * 86400),
  idempotencyKey,
});
