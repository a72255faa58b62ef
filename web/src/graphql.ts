// The typed GraphQL client: gql.tada infers each operation's result and variables from schema.graphql
// (npm run schema:print regenerates graphql-env.d.ts from the running Pothos schema).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

// Decimal is an exact amount as a string ("150000.04"): never a float on the way.
export const graphql = initGraphQLTada<{ introspection: introspection; scalars: { Decimal: string } }>();
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
