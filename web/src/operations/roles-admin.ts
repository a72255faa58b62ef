// The Conference administrator's re-prioritisation snapshots, and the pool the weight preview re-ranks.
import { graphql } from '../graphql';
import { FAILURE } from './errors';

export const PRIORITY_SNAPSHOTS = graphql(`
  query RolesPrioritySnapshots($first: Int, $after: String, $rankingFirst: Int) {
    prioritySnapshots(first: $first, after: $after) {
      __typename
      ... on QueryPrioritySnapshotsSuccess {
        data {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id trigger takenAt weightSetId openNeeds presumedGenerated
              regionsFlagged { region rate reported states }
              ranking(first: $rankingFirst) {
                pageInfo { hasNextPage }
                edges { node { needId rank previousRank rankChange score state priorityArea description } }
              }
            }
          }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);

export const REPRIORITISE_NOW = graphql(`
  mutation RolesReprioritiseNow {
    reprioritiseNow {
      __typename
      ... on PrioritySnapshot { id }
      ...Failure
    }
  }
`, [FAILURE]);

export const PREVIEW_POOL = graphql(`
  query RolesPreviewPool {
    needPool(first: 100) {
      __typename
      ... on QueryNeedPoolSuccess { data { edges { node { id poolRank state priorityArea priorityActivity description priority { score parts { name points } } } } } }
      ...Failure
    }
  }
`, [FAILURE]);
