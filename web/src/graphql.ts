// The typed GraphQL client: gql.tada infers each operation's result and variables from schema.graphql
// (npm run schema:print regenerates graphql-env.d.ts from the running Pothos schema).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{ introspection: introspection }>();
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
