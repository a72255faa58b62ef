// zod schemas of the needs pool's inputs: the Conference's weights and a State's ranking of its needs.
import { z } from 'zod';
import { boundedNumber, calendarDate, codeOf, idList, line, uniqueList } from './boundary.js';
import { INSTRUMENTS, PRIORITY_AREAS, STATES } from './code-lists/index.js';

const areaCode = codeOf(PRIORITY_AREAS, 'priority area');

export const priorityWeightsInput = z.object({
  /** The decision that set them, e.g. "decision 3/4" or "resolution 5/6". */
  decision: line(200),
  /** The day the decision took effect; the set is in force from that day until a later decision's. */
  decidedOn: calendarDate,
  weights: uniqueList(z.object({ priorityArea: areaCode, weight: boundedNumber(0, 3) }), { what: 'priority area', max: PRIORITY_AREAS.length, key: (w) => w.priorityArea }).default([]),
  /** By instrument (UNTOC or a Protocol), beside the areas: the Conference's decisions stress particular Protocols. */
  instrumentWeights: uniqueList(z.object({ instrument: codeOf(INSTRUMENTS, 'instrument'), weight: boundedNumber(0, 3) }), { what: 'instrument', max: INSTRUMENTS.length, key: (w) => w.instrument }).default([]),
}).refine((w) => w.weights.length + w.instrumentWeights.length > 0, { error: 'weigh at least one priority area or instrument', path: ['weights'] });

export const needRankingInput = z.object({
  state: codeOf(STATES, 'State'),
  /** The State's open needs, most important first (R2). */
  needIds: idList('need', { min: 1, max: 200 }),
});
