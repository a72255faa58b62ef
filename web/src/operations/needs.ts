// The needs pool, ranked by priority with its named parts.
import { graphql } from '../graphql';

export const NEED_POOL = graphql(`
  query NeedPool($filter: NeedPoolFilter) {
    needPool(filter: $filter) {
      __typename
      ... on QueryNeedPoolSuccess {
        data {
          id rank state priorityArea priorityActivity urgency description source projectId projectStage
          priority { score parts { name points reason } }
        }
      }
      ... on Error { code message }
    }
  }
`);
