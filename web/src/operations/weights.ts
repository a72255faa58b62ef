// The Conference's priority weights, versioned by decision.
import { graphql } from '../graphql';
import { INPUT_FAILURE } from './errors';

export const PRIORITY_WEIGHTS = graphql(`
  query PriorityWeights { priorityWeights { id decision decidedOn inForce setAt setBy weights { priorityArea weight } instrumentWeights { instrument weight } } }
`);

export const SET_PRIORITY_WEIGHTS = graphql(`
  mutation SetPriorityWeights($input: SetPriorityWeightsInput!) {
    setPriorityWeights(input: $input) {
      __typename
      ... on PriorityWeightSet { id decision }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);
