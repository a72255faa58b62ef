// The kinds of outcome a need can reach (domain/outcome-types.ts), as one GraphQL enum.
import { OUTCOME_TYPES, OUTCOME_TYPE_SOURCES } from '../../domain/outcome-types.js';
import { builder } from '../builder.js';

export const OutcomeTypeEnum = builder.enumType('OutcomeType', {
  description: 'A kind of outcome a need reached, as the source documents treat evidence of success (domain.md 5)',
  values: Object.fromEntries(OUTCOME_TYPES.map((t) => [t, { value: t, description: `${OUTCOME_TYPE_SOURCES[t].title} (${OUTCOME_TYPE_SOURCES[t].source})` }])) as Record<(typeof OUTCOME_TYPES)[number], { value: (typeof OUTCOME_TYPES)[number]; description: string }>,
});
