// The one Pothos builder. Every part of the graph (api/schema/*) adds itself to it.
// Errors are made with graphql-yoga's createGraphQLError: under vitest our own `graphql` import can resolve
// to a second copy of the module, whose GraphQLError yoga would not recognise and would mask.
// Access: api/policy.ts gives every field the scope `policy: 'Type.field'`, decided by the one table in
// domain/access/policy.ts. The errors plugin comes first so that a refused role on an operation whose
// result union has ForbiddenError gets it typed.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { createGraphQLError } from 'graphql-yoga';
import type { Role } from '../domain/roles.js';
import { unauthenticated, type Context } from './context.js';
import { ForbiddenError } from './errors.js';
import { policyAllows, refusalIsTyped, refusalMessage } from './policy.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { authenticated: boolean; role: Role; policy: string };
  DefaultFieldNullability: false;
  /** Decimal: exact amounts as strings (api/schema/money.ts). */
  /** Date, DateTime, JSON: graphql-scalars (api/schema/scalars.ts); inputs stay strings for the zod schemas. */
  Scalars: {
    Decimal: { Input: string; Output: string };
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ErrorsPlugin, ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, 'palermoPolicy'],
  // Cursor connections for every list that grows (issue 11). No global node(id) lookup: each type has its
  // own query with its own access rule, and a Node query would bypass the policy table's per-type scopes.
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
  defaultFieldNullability: false,
  scopeAuth: {
    // A subscription is checked when it starts, before any event (Subscription.projectChanged).
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      authenticated: ctx.actor !== null,
      role: (role) => ctx.actor?.role === role,
      policy: (key) => policyAllows(ctx.actor, key),
    }),
    unauthorizedError: (_parent, ctx, info, _result) => {
      if (ctx.actor === null) return unauthenticated('send "Authorization: Bearer <token>" (npm run token prints one)');
      const message = refusalMessage(ctx.actor, info.parentType.name, info.fieldName);
      if (refusalIsTyped(info.parentType.name, info.fieldName)) return new ForbiddenError(message);
      return createGraphQLError(`FORBIDDEN: ${message}`, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
    },
  },
  errors: { defaultTypes: [] },
});

builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
