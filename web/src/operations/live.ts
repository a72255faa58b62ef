// What the caller may do with a project now (Project.availableActions), and its live changes
// (Subscription.projectChanged over SSE, fed by PostgreSQL LISTEN/NOTIFY).
import { graphql } from '../graphql';
import { FAILURE } from './errors';

export const PROJECT_ACTIONS = graphql(`
  query ProjectActions($id: ID!) {
    project(id: $id) {
      __typename
      ... on Project { id stage availableActions { action allowed refusal reason stages } }
      ...Failure
    }
  }
`, [FAILURE]);

export const PROJECT_CHANGED = graphql(`
  subscription ProjectChanged($id: ID!) {
    projectChanged(id: $id) { projectId stage seq }
  }
`);
