// The programme manager's remaining lifecycle operations (issue 12): merge, funding and descoping,
// delivery, suspension, evaluation and closing, assessments with partner agencies. Each mutation takes
// one `input` and answers the Project or a typed refusal whose issues name the field.
import { graphql } from '../graphql';
import { CHANGE_FAILURE, FAILURE } from './errors';

/** What the manager's panel of a project shows beyond the project page: funding, delivery records, reasons. */
export const MANAGER_PROJECT = graphql(`
  query ManagerProject($id: ID!) {
    project(id: $id) {
      __typename
      ... on Project {
        id title stage states evaluator mergedInto mergedFrom
        budget { amount currency }
        pledgedAmount fundingGap
        pledges { donor amount currency kind earmarkPriorityArea at }
        assessments { type startDate endDate partners findings at }
        activities { title formOfAssistance startDate endDate participants at }
        progressReports { period narrative at }
        enactment { law enactedOn at }
        reasons { action reason at }
        needs { id priorityArea }
        outcomeAssessment { recommendations { description priorityArea priorityActivity instrument urgency state } }
      }
      ...Failure
    }
  }
`, [FAILURE]);

/** Projects a request may be merged into (UNDER_ASSESSMENT or PLANNING; filtered by the page). */
export const MERGE_TARGETS = graphql(`
  query MergeTargets {
    projects(first: 100) {
      __typename
      ... on QueryProjectsSuccess { data { edges { node { id title stage states } } } }
      ...Failure
    }
  }
`, [FAILURE]);

export const EVALUATOR_CANDIDATES = graphql(`
  query EvaluatorCandidates($projectId: ID!) {
    evaluatorCandidates(projectId: $projectId) {
      __typename
      ... on QueryEvaluatorCandidatesSuccess { data { expertId name independent breaches { rule reason } } }
      ...Failure
    }
  }
`, [FAILURE]);

export const RECORD_ASSESSMENT = graphql(`
  mutation RecordAssessment($input: RecordAssessmentInput!) { recordAssessment(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const MERGE = graphql(`
  mutation Merge($input: MergeInput!) { merge(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const DESCOPE_BUDGET = graphql(`
  mutation DescopeBudget($input: DescopeBudgetInput!) { descopeBudget(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const START_DELIVERY = graphql(`
  mutation StartDelivery($input: StartDeliveryInput!) { startDelivery(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const RECORD_ACTIVITY = graphql(`
  mutation RecordActivity($input: RecordActivityInput!) { recordActivity(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const REPORT_PROGRESS = graphql(`
  mutation ReportProgress($input: ReportProgressInput!) { reportProgress(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const RECORD_ENACTMENT = graphql(`
  mutation RecordEnactment($input: RecordEnactmentInput!) { recordEnactment(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const SUSPEND = graphql(`
  mutation Suspend($input: SuspendInput!) { suspend(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const RESUME = graphql(`
  mutation Resume($input: ResumeInput!) { resume(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const START_EVALUATION = graphql(`
  mutation StartEvaluation($input: StartEvaluationInput!) { startEvaluation(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const CLOSE = graphql(`
  mutation Close($input: CloseInput!) { close(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);

export const CANCEL = graphql(`
  mutation Cancel($input: CancelInput!) { cancel(input: $input) {
      __typename
      ... on Project { id stage }
      ...ChangeFailure
    }
  }
`, [CHANGE_FAILURE]);
