// zod schemas of the needs pool's inputs: the Conference's weights and a State's ranking of its needs.
import { z } from 'zod';
import { PRIORITY_AREAS, STATES } from './code-lists/index.js';

const areaCode = z.string().refine((v) => PRIORITY_AREAS.some((p) => p.code === v), { error: (i) => `unknown priority area "${String(i.input)}"` });

export const priorityWeightsInput = z.object({
  /** The decision that set them, e.g. "decision 3/4" or "resolution 5/6". */
  decision: z.string().trim().min(1, { error: 'must name the decision' }).max(200),
  weights: z
    .array(z.object({ priorityArea: areaCode, weight: z.number().min(0, { error: 'must be 0-3' }).max(3, { error: 'must be 0-3' }) }))
    .min(1, { error: 'give at least one weight' })
    .refine((w) => new Set(w.map((x) => x.priorityArea)).size === w.length, { error: 'weighs a priority area twice' }),
});

export const needRankingInput = z.object({
  state: z.string().refine((v) => STATES.some((s) => s.code === v), { error: (i) => `unknown State "${String(i.input)}"` }),
  /** The State's open needs, most important first (R2). */
  needIds: z.array(z.string().min(1)).min(1, { error: 'rank at least one need' }).max(200)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'lists a need twice' }),
});
