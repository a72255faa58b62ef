// The Conference's priority weights, versioned by decision.
import { graphql } from '../graphql';

export const PRIORITY_WEIGHTS = graphql(`
  query PriorityWeights { priorityWeights { id decision setAt setBy weights { priorityArea weight } } }
`);

export const SET_PRIORITY_WEIGHTS = graphql(`
  mutation SetPriorityWeights($decision: String!, $weights: [AreaWeightInput!]!) {
    setPriorityWeights(input: { decision: $decision, weights: $weights }) {
      __typename
      ... on PriorityWeightSet { id decision }
      ... on Error { code message }
      ... on ValidationError { issues { field message } }
    }
  }
`);
