// The manager's (and, for its own needs, the focal point's) records on needs that were API-only before:
// a need raised outside a request (recordNeed), a need's field of expertise and confidentiality (R14), and
// a State's report that withdraws its presumed reporting needs (R8).
import { graphql } from '../graphql';
import { INPUT_FAILURE } from './errors';

export const RECORD_NEED = graphql(`
  mutation RecordNeed($input: RecordNeedInput!) {
    recordNeed(input: $input) {
      __typename
      ... on Need { id state priorityArea priorityActivity description confidential field { field from } }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const SET_NEED_FIELD = graphql(`
  mutation SetNeedField($input: SetNeedFieldInput!) {
    setNeedField(input: $input) {
      __typename
      ... on Need { id field { field from } }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const SET_NEED_CONFIDENTIAL = graphql(`
  mutation SetNeedConfidential($input: SetNeedConfidentialInput!) {
    setNeedConfidential(input: $input) {
      __typename
      ... on Need { id confidential }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const RECORD_STATE_REPORT = graphql(`
  mutation RecordStateReport($input: RecordStateReportInput!) {
    recordStateReport(input: $input) {
      __typename
      ... on StateReport { state cycle withdrawn { id description } }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);
