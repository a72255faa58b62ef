// Request and plan fixtures from the seed documents (../shared/domain.md scenarios S1 and S13, and Kenya's 001 para 26).
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

/** A plan for S1's request: officials trained on the self-assessment checklist, Gabon answering the review questionnaires. */
export const GABON_REPORTING_PLAN = {
  objectives: ['Reports on the implementation of the Convention submitted on time'],
  outputs: [{ title: 'Officials trained on the self-assessment checklist', indicators: [{ name: 'officials trained', unit: 'people', baseline: 0, target: 12 }] }],
  outcomes: [{ title: 'Gabon answers the review questionnaires', indicators: [{ name: 'questionnaires answered', unit: 'questionnaires', baseline: 0, target: 2 }] }],
  formsOfAssistance: ['REPORTING_SUPPORT'],
  modality: 'NATIONAL',
  budget: { amount: '80000', currency: 'USD' },
};

/** A plan for Kenya's witness-protection request (001 para 26): protection officers trained, witnesses testifying under protection. */
export const KENYA_WITNESS_PROTECTION_PLAN = {
  objectives: ['A national witness-protection programme admits its first witnesses'],
  outputs: [{ title: 'Protection officers trained', indicators: [{ name: 'officers trained', unit: 'people', baseline: 0, target: 20 }] }],
  outcomes: [{ title: 'Witnesses testify under protection', indicators: [{ name: 'protected witnesses', unit: 'people', baseline: 0, target: 10 }] }],
  formsOfAssistance: ['MENTORING'],
  modality: 'NATIONAL',
  budget: { amount: '80000', currency: 'USD' },
};
