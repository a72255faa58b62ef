// The needs pool, ranked by priority with its named parts.
import { graphql } from '../graphql';
import { FAILURE } from './errors';

export const NEED_POOL = graphql(`
  query NeedPool($filter: NeedPoolFilter, $first: Int, $after: String) {
    needPool(filter: $filter, first: $first, after: $after) {
      __typename
      ... on QueryNeedPoolSuccess {
        data {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id poolRank state priorityArea priorityActivity urgency description source projectId projectStage
              confidential field { field from }
              priority { score parts { name points reason } }
            }
          }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);
