// The evaluator's operations.
import { graphql } from '../graphql';
import { CHANGE_FAILURE } from './errors';

export const SUBMIT_OUTCOME_ASSESSMENT = graphql(`
  mutation SubmitOutcomeAssessment($input: SubmitOutcomeAssessmentInput!) {
    submitOutcomeAssessment(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);
