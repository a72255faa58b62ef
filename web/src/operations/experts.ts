// The expert's invitations (one chain per slot, run as a workflow) and its answer.
import { graphql } from '../graphql';
import { FAILURE } from './errors';

export const MY_INVITATIONS = graphql(`
  query MyInvitations($first: Int, $after: String) {
    myInvitations(first: $first, after: $after) {
      __typename
      ... on QueryMyInvitationsSuccess {
        data {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id slot needId projectId status expertId events { seq kind at expertId } } }
        }
      }
      ...Failure
    }
  }
`, [FAILURE]);

export const ANSWER_INVITATION = graphql(`
  mutation AnswerInvitation($invitationId: ID!, $accept: Boolean!, $reason: String) {
    answerInvitation(input: { invitationId: $invitationId, accept: $accept, reason: $reason }) {
      __typename
      ... on Invitation { id status expertId }
      ...Failure
    }
  }
`, [FAILURE]);
