// zod schemas of the manager's matching, team and invitation requests.
import { z } from 'zod';
import { isExpertiseField } from '../expertise.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' });

export const matchOptions = z.object({
  windowFrom: isoDate.optional(),
  windowTo: isoDate.optional(),
  fields: z.array(z.string().refine(isExpertiseField, { error: (i) => `unknown field of expertise "${String(i.input)}"` })).min(1, { error: 'name at least one field, or leave it out' }).optional(),
  organisations: z.array(z.string().trim().min(1)).default([]),
  limit: z.number().int().min(1, { error: 'must be 1-500' }).max(500, { error: 'must be 1-500' }).default(20),
  /** How many excluded experts to list with their rules (all are counted). */
  excludedLimit: z.number().int().min(0, { error: 'must be 0-10000' }).max(10000, { error: 'must be 0-10000' }).default(100),
}).refine((o) => (o.windowFrom === undefined) === (o.windowTo === undefined), { error: 'give both windowFrom and windowTo, or neither', path: ['windowTo'] })
  .refine((o) => !o.windowFrom || !o.windowTo || o.windowFrom <= o.windowTo, { error: 'ends before it starts', path: ['windowTo'] });
export type MatchOptions = z.output<typeof matchOptions>;

export const teamOptions = z.object({
  windowFrom: isoDate.optional(),
  windowTo: isoDate.optional(),
  /** R12: at most this many slots filled by experts of one home region. */
  maxPerRegion: z.number().int().min(1, { error: 'must be at least 1' }).optional(),
  /** Several roles for one need: each slot names its need. Default: one slot per need of the project. */
  slots: z.array(z.object({ needId: z.string().min(1), label: z.string().trim().min(1, { error: 'must not be empty' }) })).min(1).optional(),
  candidatesPerSlot: z.number().int().min(1).max(200).default(30),
});

export const inviteInput = z.object({
  needId: z.string().min(1),
  slot: z.string().trim().min(1, { error: 'must not be empty' }).max(200),
  candidates: z.array(z.string().min(1)).min(1, { error: 'name at least one candidate' }).max(20, { error: 'at most 20 candidates' })
    .refine((c) => new Set(c).size === c.length, { error: 'lists a candidate twice' }),
  reminderSeconds: z.number().int().min(1, { error: 'must be at least 1 second' }),
  deadlineSeconds: z.number().int().min(1, { error: 'must be at least 1 second' }),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9._-]{8,100}$/, { error: 'must be 8-100 characters of letters, digits, ".", "_" or "-"' }),
});
