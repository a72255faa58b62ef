// The rules of issue 15 the web app offers (the API already enforces them): a balanced evaluation
// panel, evaluation visits by consent, the project's rule warnings, consent to visit by a State.
import { graphql } from '../graphql';
import { CHANGE_FAILURE, FAILURE } from './errors';

/** The project's rule warnings with their reason (the secretariat's to read). */
export const RULE_WARNINGS = graphql(`
  query RuleWarnings($id: ID!) {
    project(id: $id) {
      __typename
      ... on Project { id ruleWarnings { rule reason needId } }
      ...Failure
    }
  }
`, [FAILURE]);

/** The States' consents to visits and the evaluation visits recorded (a focal point sees its own State's). */
export const PROJECT_RULES = graphql(`
  query ProjectRules($id: ID!) {
    project(id: $id) {
      __typename
      ... on Project {
        id stage states
        visitConsents { state by note at }
        evaluationVisits { state startDate endDate purpose by at }
      }
      ...Failure
    }
  }
`, [FAILURE]);

export const PROPOSE_EVALUATION_PANEL = graphql(`
  query ProposeEvaluationPanel($projectId: ID!) {
    proposeEvaluationPanel(projectId: $projectId) {
      __typename
      ... on QueryProposeEvaluationPanelSuccess {
        data {
          lead
          members { expertId name nationality reason serves { state slot } }
          unfilled { state slot reason }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);

export const RECORD_EVALUATION_VISIT = graphql(`
  mutation RecordEvaluationVisit($input: RecordEvaluationVisitInput!) { recordEvaluationVisit(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const CONSENT_TO_VISIT = graphql(`
  mutation ConsentToVisit($input: ConsentToVisitInput!) { consentToVisit(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);
