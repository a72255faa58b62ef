// The typed GraphQL client: gql.tada infers each operation's result and variables from schema.graphql
// (npm run schema:print regenerates graphql-env.d.ts from the running Pothos schema).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

// Decimal is an exact amount as a string ("150000.04"): never a float on the way. Date is YYYY-MM-DD,
// DateTime an ISO 8601 instant: both strings on the wire. JSON is free-form and must be narrowed by its reader.
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Decimal: string; Date: string; DateTime: string; JSON: unknown };
}>();
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
