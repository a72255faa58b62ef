// The evaluator's operations.
import { graphql } from '../graphql';

export const SUBMIT_OUTCOME_ASSESSMENT = graphql(`
  mutation SubmitOutcomeAssessment($input: SubmitOutcomeAssessmentInput!) {
    submitOutcomeAssessment(input: $input) {
      __typename
      ... on Project { id stage }
      ... on Error { code message }
      ... on TransitionRefusedError { refusal }
      ... on ValidationError { issues { field message } }
    }
  }
`);
