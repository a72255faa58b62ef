// The read queries bench:api drives, in one place: when the projects list and the needs pool become
// cursor connections, only this file changes (e.g. `projects(first: 20) { edges { node { ... } } }`).
// Each names the operation, its query, its variables (drawn per request), and how to tell a good answer.
// The needs pool comes last: while it loads the whole pool per request, the work of its slow (or timed-out)
// requests goes on after its measure and would weigh on the next one.

export interface BenchQuery {
  name: string;
  query: string;
  variables: (projectId: string) => Record<string, unknown>;
  /** The field of `data` that must be the success type (not an error) in a good answer. */
  field: string;
  success: string;
}

export const API_QUERIES: BenchQuery[] = [
  {
    name: 'project page',
    query: `query ProjectPage($id: ID!) { project(id: $id) { __typename ... on Project {
      id title stage states filedAt updatedAt budget { amount currency } fundingGap pledgedAmount
      needs { id priorityArea priorityActivity urgency description formsOfAssistance }
      history { seq kind action at fromStage toStage actor { subject role } }
      escalations { kind message at } } } }`,
    variables: (id) => ({ id }),
    field: 'project',
    success: 'Project',
  },
  {
    name: 'projects list, first page',
    // The first page of 50 of the cursor connection (the client's usual page), with the total.
    query: '{ projects(first: 50) { __typename ... on QueryProjectsSuccess { data { totalCount pageInfo { hasNextPage endCursor } edges { node { id title stage states updatedAt } } } } } }',
    variables: () => ({}),
    field: 'projects',
    success: 'QueryProjectsSuccess',
  },
  {
    name: 'project timeline',
    query: 'query Timeline($id: ID!) { projectTimeline(id: $id, first: 50) { __typename ... on QueryProjectTimelineSuccess { data { pageInfo { hasNextPage endCursor } edges { node { seq kind action at actor { subject role } } } } } } }',
    variables: (id) => ({ id }),
    field: 'projectTimeline',
    success: 'QueryProjectTimelineSuccess',
  },
  {
    name: 'needs pool, first page',
    // The first page of 50 of the ranked pool, served from the stored ranking (need_ranking).
    query: '{ needPool(first: 50) { __typename ... on QueryNeedPoolSuccess { data { pageInfo { hasNextPage endCursor } edges { node { id poolRank state priorityArea urgency priority { score } } } } } } }',
    variables: () => ({}),
    field: 'needPool',
    success: 'QueryNeedPoolSuccess',
  },
];
