// Expert matching for a project: the roster ranked per need with score parts and named exclusions,
// the team proposal (optimal beside greedy), and the invitation chain of one slot with its progress.
import { graphql } from '../graphql';
import { FAILURE, INPUT_FAILURE } from './errors';

/** One slot's invitation chain as the page follows it: the candidates in order, who is invited now, its events. */
const INVITATION_CHAIN = graphql(`
  fragment InvitationChain on Invitation @_unmask { id slot needId status expertId candidates events { seq kind at expertId } }
`);

export const MATCH_EXPERTS = graphql(`
  query MatchExperts($projectId: ID!, $options: MatchOptionsInput) {
    matchExperts(projectId: $projectId, options: $options) {
      __typename
      ... on QueryMatchExpertsSuccess {
        data {
          needId state fields workingLanguages eligible excludedCount
          ranked { rank expertId name score parts { name points reason } expert { nationality institution } }
          excluded { expertId name rules { rule reason } }
        }
      }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const PROPOSE_TEAM = graphql(`
  query ProposeTeam($input: ProposeTeamInput!) {
    proposeTeam(input: $input) {
      __typename
      ... on TeamProposal {
        optimal { total unfilled members { slot needId expertId score } }
        greedy { total unfilled members { slot needId expertId score } }
      }
      ...InputFailure
    }
  }
`, [INPUT_FAILURE]);

export const INVITE_EXPERTS = graphql(`
  mutation InviteExperts($input: InviteExpertsInput!) {
    inviteExperts(input: $input) {
      __typename
      ...InvitationChain
      ...InputFailure
    }
  }
`, [INVITATION_CHAIN, INPUT_FAILURE]);

export const INVITATION = graphql(`
  query Invitation($id: ID!) {
    invitation(id: $id) {
      __typename
      ...InvitationChain
      ...Failure
    }
  }
`, [INVITATION_CHAIN, FAILURE]);
