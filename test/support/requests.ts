// Request fixtures from the seed documents (../shared/domain.md scenarios S1 and S13).
import type { FileRequestInput } from '../../domain/inputs.js';
import { freshKey } from './stack.js';

/** S1: Gabon, in the reporting-help list (000 fn 5), files a PA-A (d) reporting-support need. */
export function gabonReportingRequest(): FileRequestInput {
  return {
    state: 'GAB',
    title: 'Help to meet reporting obligations under the Convention',
    idempotencyKey: freshKey('gab'),
    needs: [
      {
        priorityArea: 'PA-A',
        priorityActivity: '(d)',
        instrument: 'UNTOC',
        article: '32',
        formsOfAssistance: ['REPORTING_SUPPORT'],
        urgency: 'MEDIUM',
        description: 'Train the officials who answer the questionnaires and the self-assessment checklist (000 fn 5; 002 para 2(d)).',
      },
    ],
  };
}

/** S13: Honduras asks for help against organized crime and impunity (004 paras 12-13). */
export function hondurasImpunityRequest(): FileRequestInput {
  return {
    state: 'HND',
    title: 'Organized crime and impunity: assessment of needs',
    idempotencyKey: freshKey('hnd'),
    needs: [
      {
        priorityArea: 'PA-B',
        priorityActivity: '(e)',
        instrument: 'UNTOC',
        formsOfAssistance: ['NEEDS_ASSESSMENT', 'ADVISORY_MISSION'],
        urgency: 'HIGH',
        description: 'Exploratory mission 11-14 Dec 2011, technical mission 1-5 May 2012 with DPA, OHCHR and UNDP (004 para 13).',
      },
    ],
  };
}

export const FILE_REQUEST = /* GraphQL */ `
  mutation File($input: FileRequestInput!) {
    fileRequest(input: $input) {
      __typename
      ... on FiledRequest { created project { id stage iatiActivityStatus states needs { id priorityArea priorityActivity instrument article formsOfAssistance urgency description source } history { seq action fromStage toStage actor { subject role state } } } }
      ... on ValidationError { code message issues { field message } }
      ... on ForbiddenError { code message }
    }
  }`;

export const START_ASSESSMENT = /* GraphQL */ `
  mutation Start($input: StartAssessmentInput!) {
    startAssessment(input: $input) {
      __typename
      ... on Project { id stage iatiActivityStatus history { seq action fromStage toStage actor { subject role } summary } }
      ... on Error { code message }
      ... on TransitionRefusedError { refusal }
      ... on ValidationError { issues { field message } }
    }
  }`;

export const PROJECT = /* GraphQL */ `
  query Project($id: ID!) {
    project(id: $id) {
      __typename
      ... on Project { id title stage iatiActivityStatus states needs { priorityArea } history { seq action fromStage toStage at actor { subject role state } } }
      ... on Error { code message }
    }
  }`;

export const PROJECTS = /* GraphQL */ `
  query Projects($filter: ProjectFilter, $first: Int, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      __typename
      ... on QueryProjectsSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id stage states } } } }
      ... on ValidationError { code message issues { field message } }
      ... on ForbiddenError { code message }
    }
  }`;
