// The expert's own profile on the roster.
import { graphql } from '../graphql';
import { CHANGE_FAILURE, FAILURE } from './errors';

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
      ...Failure
    }
  }
`, [FAILURE]);

export const UPDATE_EXPERT_PROFILE = graphql(`
  mutation RolesUpdateExpertProfile($profile: ExpertProfileInput!) {
    updateExpertProfile(input: { profile: $profile }) {
      __typename
      ... on Expert { id }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);
