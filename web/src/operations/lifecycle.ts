// The lifecycle mutations the pages send (focal point and programme manager). Each answers a union:
// the Project, or a typed refusal whose issues name the field (the fragments of errors.ts). Written out
// in full (no string interpolation) so gql.tada can infer every result type.
import { graphql } from '../graphql';
import { CHANGE_FAILURE, INPUT_FAILURE } from './errors';

export const FILE_REQUEST = graphql(`
  mutation FileRequest($input: FileRequestInput!) {
    fileRequest(input: $input) {
      __typename
      ... on FiledRequest { created project { id stage } }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const PROVIDE_INFORMATION = graphql(`
  mutation ProvideInformation($input: ProvideInformationInput!) { provideInformation(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const ENDORSE_PLAN = graphql(`
  mutation EndorsePlan($input: EndorsePlanInput!) { endorsePlan(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const START_ASSESSMENT = graphql(`
  mutation StartAssessment($input: StartAssessmentInput!) { startAssessment(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const REQUEST_INFORMATION = graphql(`
  mutation RequestInformation($input: RequestInformationInput!) { requestInformation(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const START_PLANNING = graphql(`
  mutation StartPlanning($input: StartPlanningInput!) { startPlanning(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const SET_PLAN = graphql(`
  mutation SetPlan($input: SetPlanInput!) { setPlan(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const SEEK_FUNDING = graphql(`
  mutation SeekFunding($input: SeekFundingInput!) { seekFunding(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const DECLINE = graphql(`
  mutation Decline($input: DeclineInput!) { decline(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);
