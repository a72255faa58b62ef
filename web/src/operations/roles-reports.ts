// The reports the charts draw: needs by priority area x region, the funding gap, DAC ratings per project.
import { graphql } from '../graphql';
import { FAILURE } from './errors';

export const NEEDS_REPORT = graphql(`
  query RolesNeedsReport {
    needsReport {
      __typename
      ... on QueryNeedsReportSuccess { data { priorityArea region stage needs oldestWaitingSince } }
      ...Failure
    }
  }
`, [FAILURE]);

export const FUNDING_GAP_REPORT = graphql(`
  query RolesFundingGapReport {
    fundingGapReport {
      __typename
      ... on FundingGapReport {
        byAreaActivity { priorityArea priorityActivity currency projects budget pledged gap }
        earmarkMismatch { priorityArea conferenceShare earmarkShare flag explanation }
      }
      ...Failure
    }
  }
`, [FAILURE]);

export const OUTCOMES_REPORT = graphql(`
  query RolesOutcomesReport {
    outcomesReport {
      __typename
      ... on QueryOutcomesReportSuccess {
        data { projectId title stage relevance coherence effectiveness efficiency impact sustainability needsMet needsPartlyMet needsUnmet }
      }
      ...Failure
    }
  }
`, [FAILURE]);
