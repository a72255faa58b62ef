// Every GraphQL operation the web app sends lives in web/src/operations/: move these to the new API
// contract (issue 11) and the pages follow through the inferred types.
import { graphql } from '../graphql';
import { FAILURE } from './errors';

export const ME = graphql(`
  query Me { me { subject role state } }
`);

export const CODE_LISTS = graphql(`
  query CodeLists {
    codeLists {
      priorityAreas { code title }
      priorityActivities { code title }
      instruments { code title }
      formsOfAssistance { code title }
      urgencies { code title }
      regions { code title }
      states { code name regions }
    }
  }
`);

export const PROJECTS = graphql(`
  query Projects($filter: ProjectFilter, $first: Int, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      __typename
      ... on QueryProjectsSuccess {
        data {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            node {
              id title stage states filedAt updatedAt
              needs { id priorityArea }
              escalations { kind at message }
              informationRequests { question at answer answeredAt }
            }
          }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);

export const PROJECT = graphql(`
  query Project($id: ID!) {
    project(id: $id) {
      __typename
      ... on Project {
        id title stage states filedAt updatedAt iatiActivityStatus
        needs { id state priorityArea priorityActivity instrument article formsOfAssistance urgency description source }
        informationRequests { question at by answer answeredAt }
        plan {
          at by objectives formsOfAssistance modality
          budget { amount currency }
          outputs { title indicators { name unit baseline target } }
          outcomes { title indicators { name unit baseline target } }
        }
        endorsements { state by at comment }
        budget { amount currency }
        escalations { kind at message }
        reasons { action reason at }
        evaluator
        outcomeAssessment {
          at narrative coProviders
          criteria { criterion rating rationale }
          indicatorValues { indicator actual }
          needVerdicts { needId verdict }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);

export const PROJECT_TIMELINE = graphql(`
  query ProjectTimeline($id: ID!, $first: Int, $after: String) {
    projectTimeline(id: $id, first: $first, after: $after) {
      __typename
      ... on QueryProjectTimelineSuccess {
        data {
          pageInfo { hasNextPage endCursor }
          edges { node { seq kind action fromStage toStage at actor { subject role state } } }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);
