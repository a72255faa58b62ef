// The expert's own profile on the roster.
import { graphql } from '../graphql';

export const EXPERT_PROFILE = graphql(`
  query RolesExpertProfile($id: ID!) {
    expert(id: $id) {
      __typename
      ... on Expert {
        id name nationality institution status
        profile {
          fields capacity regions states
          languages { language level }
          availability { from to }
          instruments { instrument articles }
          conflicts { states projects organisations }
        }
      }
      ... on Error { code message }
    }
  }
`);

export const UPDATE_EXPERT_PROFILE = graphql(`
  mutation RolesUpdateExpertProfile($profile: ExpertProfileInput!) {
    updateExpertProfile(input: { profile: $profile }) {
      __typename
      ... on Expert { id }
      ... on Error { code message }
      ... on TransitionRefusedError { refusal }
      ... on ValidationError { issues { field message } }
    }
  }
`);
