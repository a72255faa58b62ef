// The donor's operations: projects open for funding with their gap, a pledge, and what it funds.
// (web-roles: kept apart so the lead can move them to the new API contract in one place.)
import { graphql } from '../graphql';
import { CHANGE_FAILURE, FAILURE } from './errors';

export const FUNDING_PROJECTS = graphql(`
  query FundingProjects($filter: ProjectFilter, $first: Int, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      __typename
      ... on QueryProjectsSuccess {
        data {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id title stage states updatedAt
              budget { amount currency }
              pledgedAmount fundingGap
              needs { id priorityArea }
              pledges { donor amount currency kind earmarkPriorityArea at }
            }
          }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);

export const PLEDGE = graphql(`
  mutation RolesPledge($input: PledgeInput!) {
    pledge(input: $input) {
      __typename
      ... on Project { id stage pledgedAmount fundingGap }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);
