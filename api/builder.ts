// The one Pothos builder. Every part of the graph (api/schema/*) adds itself to it.
// Errors are made with graphql-yoga's createGraphQLError: under vitest our own `graphql` import can resolve
// to a second copy of the module, whose GraphQLError yoga would not recognise and would mask.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { createGraphQLError } from 'graphql-yoga';
import type { Role } from '../domain/roles.js';
import { unauthenticated, type Context } from './context.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { authenticated: boolean; role: Role };
  DefaultFieldNullability: false;
  /** Decimal: exact amounts as strings (api/schema/money.ts). */
  Scalars: { Decimal: { Input: string; Output: string } };
}>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.actor !== null,
      role: (role) => ctx.actor?.role === role,
    }),
    unauthorizedError: (_parent, ctx, _info, result) =>
      ctx.actor === null
        ? unauthenticated('send "Authorization: Bearer <token>" (npm run token prints one)')
        : createGraphQLError(`FORBIDDEN: ${result.message}`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } }),
  },
  errors: { defaultTypes: [] },
});

builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
