// The failures an operation's result union may answer, each selection written once and spread into the
// operations (`...Failure`, `...InputFailure`, `...ChangeFailure`, the fragment passed to graphql()).
// Unmasked (@_unmask, which gql.tada strips before sending): the pages and outcome.ts's problemOf read
// the code, message, refusal and issues straight off the result, as from the inline selections before.
import { graphql } from '../graphql';

/** Any failure: its code and its message (every error type implements Error). */
export const FAILURE = graphql(`
  fragment Failure on Error @_unmask { code message }
`);

/** A failure of an operation that takes input: also the issues, each naming its field. */
export const INPUT_FAILURE = graphql(`
  fragment InputFailure on Error @_unmask {
    ...Failure
    ... on ValidationError { issues { field message } }
  }
`, [FAILURE]);

/** A failure of a change to a project: also the lifecycle's refusal (role, scope, stage, precondition). */
export const CHANGE_FAILURE = graphql(`
  fragment ChangeFailure on Error @_unmask {
    ...InputFailure
    ... on TransitionRefusedError { refusal }
  }
`, [INPUT_FAILURE]);
