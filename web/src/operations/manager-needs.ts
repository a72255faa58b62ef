// The needs pool's manager side: presumed needs kept apart (R8) and the CSV import of needs, followed
// until done with its row errors paged in line order.
import { graphql } from '../graphql';
import { FAILURE, INPUT_FAILURE } from './errors';

export const PRESUMED_NEEDS = graphql(`
  query PresumedNeeds($state: String, $first: Int, $after: String) {
    presumedNeeds(state: $state, first: $first, after: $after) {
      __typename
      ... on QueryPresumedNeedsSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id state priorityArea priorityActivity description source confirmedAt } } } }
      ...Failure
    }
  }
`, [FAILURE]);

export const IMPORT_NEEDS = graphql(`
  mutation ImportNeeds($input: ImportNeedsInput!) {
    importNeeds(input: $input) {
      __typename
      ... on NeedsImport { id status }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const NEEDS_IMPORT = graphql(`
  query NeedsImport($id: ID!, $after: ID) {
    needsImport(id: $id) {
      __typename
      ... on NeedsImport {
        id status totalRows processedRows imported alreadyPresent errorCount
        errors(first: 100, after: $after) {
          __typename
          ... on ImportRowErrorPage { endCursor hasNextPage items { cursor line field reason } }
          ... on ValidationError { code message }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);
