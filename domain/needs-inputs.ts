// zod schemas of the needs pool's inputs: the Conference's weights and a State's ranking of its needs.
import { z } from 'zod';
import { boundedNumber, codeOf, idList, line, uniqueList } from './boundary.js';
import { PRIORITY_AREAS, STATES } from './code-lists/index.js';

const areaCode = codeOf(PRIORITY_AREAS, 'priority area');

export const priorityWeightsInput = z.object({
  /** The decision that set them, e.g. "decision 3/4" or "resolution 5/6". */
  decision: line(200),
  weights: uniqueList(z.object({ priorityArea: areaCode, weight: boundedNumber(0, 3) }), { what: 'priority area', min: 1, max: PRIORITY_AREAS.length, key: (w) => w.priorityArea }),
});

export const needRankingInput = z.object({
  state: codeOf(STATES, 'State'),
  /** The State's open needs, most important first (R2). */
  needIds: idList('need', { min: 1, max: 200 }),
});
