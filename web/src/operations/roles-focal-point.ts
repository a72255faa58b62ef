// The State focal point's extras: presumed needs to confirm, its State's ranking of open needs, nominations.
import { graphql } from '../graphql';
import { FAILURE, INPUT_FAILURE } from './errors';

export const PRESUMED_NEEDS = graphql(`
  query RolesPresumedNeeds($state: String, $first: Int, $after: String) {
    presumedNeeds(state: $state, first: $first, after: $after) {
      __typename
      ... on QueryPresumedNeedsSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id state priorityArea priorityActivity description source confirmedAt projectId mergedInto } } } }
      ...Failure
    }
  }
`, [FAILURE]);

export const CONFIRM_PRESUMED_NEED = graphql(`
  mutation RolesConfirmPresumedNeed($needId: ID!) {
    confirmPresumedNeed(input: { needId: $needId }) {
      __typename
      ... on Need { id confirmedAt }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const STATE_NEEDS = graphql(`
  query RolesStateNeeds($filter: NeedPoolFilter, $first: Int, $after: String) {
    needPool(filter: $filter, first: $first, after: $after) {
      __typename
      ... on QueryNeedPoolSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id poolRank stateRank state priorityArea priorityActivity urgency description confidential field { field from } } } } }
      ...Failure
    }
  }
`, [FAILURE]);

export const RANK_NEEDS = graphql(`
  mutation RolesRankNeeds($state: String!, $needIds: [ID!]!) {
    rankNeeds(input: { state: $state, needIds: $needIds }) {
      __typename
      ... on MutationRankNeedsSuccess { data { id stateRank } }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const NOMINATE_EXPERT = graphql(`
  mutation RolesNominateExpert($input: NominateExpertInput!) {
    nominateExpert(input: $input) {
      __typename
      ... on Expert { id name status institution }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);
