// Custom search attributes, so Temporal's own visibility can list projects by stage, State, region and
// priority area. The dev-server launcher registers them from SEARCH_ATTRIBUTE_TYPES.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const PROJECT_STAGE = defineSearchAttributeKey('PalermoStage', SearchAttributeType.KEYWORD);
export const PROJECT_STATES = defineSearchAttributeKey('PalermoStates', SearchAttributeType.KEYWORD_LIST);
export const PROJECT_REGIONS = defineSearchAttributeKey('PalermoRegions', SearchAttributeType.KEYWORD_LIST);
export const PROJECT_PRIORITY_AREAS = defineSearchAttributeKey('PalermoPriorityAreas', SearchAttributeType.KEYWORD_LIST);

/** Names and types as the Temporal CLI's `--search-attribute Name=Type` flag spells them. */
export const SEARCH_ATTRIBUTE_TYPES: Record<string, 'Keyword' | 'KeywordList'> = {
  [PROJECT_STAGE.name]: 'Keyword',
  [PROJECT_STATES.name]: 'KeywordList',
  [PROJECT_REGIONS.name]: 'KeywordList',
  [PROJECT_PRIORITY_AREAS.name]: 'KeywordList',
};
