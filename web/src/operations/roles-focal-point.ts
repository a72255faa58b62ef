// The State focal point's extras: presumed needs to confirm, its State's ranking of open needs, nominations.
import { graphql } from '../graphql';

export const PRESUMED_NEEDS = graphql(`
  query RolesPresumedNeeds($state: String, $first: Int, $after: String) {
    presumedNeeds(state: $state, first: $first, after: $after) {
      __typename
      ... on QueryPresumedNeedsSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id state priorityArea priorityActivity description source confirmedAt projectId mergedInto } } } }
      ... on Error { code message }
    }
  }
`);

export const CONFIRM_PRESUMED_NEED = graphql(`
  mutation RolesConfirmPresumedNeed($needId: ID!) {
    confirmPresumedNeed(input: { needId: $needId }) {
      __typename
      ... on Need { id confirmedAt }
      ... on Error { code message }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const STATE_NEEDS = graphql(`
  query RolesStateNeeds($filter: NeedPoolFilter, $first: Int, $after: String) {
    needPool(filter: $filter, first: $first, after: $after) {
      __typename
      ... on QueryNeedPoolSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id poolRank stateRank state priorityArea priorityActivity urgency description confidential field { field from } } } } }
      ... on Error { code message }
    }
  }
`);

export const RANK_NEEDS = graphql(`
  mutation RolesRankNeeds($state: String!, $needIds: [ID!]!) {
    rankNeeds(input: { state: $state, needIds: $needIds }) {
      __typename
      ... on MutationRankNeedsSuccess { data { id stateRank } }
      ... on Error { code message }
      ... on ValidationError { issues { field message } }
    }
  }
`);

export const NOMINATE_EXPERT = graphql(`
  mutation RolesNominateExpert($input: NominateExpertInput!) {
    nominateExpert(input: $input) {
      __typename
      ... on Expert { id name status institution }
      ... on Error { code message }
      ... on ValidationError { issues { field message } }
    }
  }
`);
