import type { SearchAttributePair } from '@temporalio/common';
import { STATES } from '../domain/code-lists/index.js';
import type { Stage } from '../domain/stages.js';
import type { NeedRecord } from './definitions.js';
import { PROJECT_PRIORITY_AREAS, PROJECT_REGIONS, PROJECT_STAGE, PROJECT_STATES } from './search-attributes.js';

/** The search attributes a project carries: set at start and again on every transition. */
export function projectSearchAttributes(stage: Stage, stateCodes: readonly string[], needs: readonly NeedRecord[]): SearchAttributePair[] {
  const regions = new Set<string>();
  for (const code of stateCodes) {
    for (const region of STATES.find((s) => s.code === code)?.regions ?? []) regions.add(region);
  }
  return [
    { key: PROJECT_STAGE, value: stage },
    { key: PROJECT_STATES, value: [...stateCodes] },
    { key: PROJECT_REGIONS, value: [...regions].sort() },
    { key: PROJECT_PRIORITY_AREAS, value: [...new Set(needs.map((n) => n.priorityArea))].sort() },
  ];
}
