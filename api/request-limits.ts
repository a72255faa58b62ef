// The cost of a request is bounded before any resolver runs, for every caller, token or not:
// lexical tokens while parsing (so a huge document stops early), then depth, aliases, directives and a
// cost budget as validation rules (graphql-armor), and introspection only where configured.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { ASTVisitor, GraphQLError, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { RequestLimits } from './config.js';

/**
 * A refusal is HTTP 400 whatever the Accept header: yoga would answer a legacy application/json request
 * 200 for a parse or validation error (GraphQL over HTTP), but a refused request must not look like a success.
 */
const REFUSED = { status: 400, spec: false };

/** Our own error, made with yoga's GraphQLError so it is answered as is (never masked), with a code. */
function tooComplex(limit: string, message: string) {
  return createGraphQLError(`QUERY_TOO_COMPLEX: ${message.replace(/^Syntax Error: /, '')}`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, http: { ...REFUSED } },
  });
}

function reject(limit: string): (context: ValidationContext | null, error: GraphQLError) => void {
  return (context, error) => {
    const refusal = tooComplex(limit, error.message);
    // The token limit acts inside the parser (no validation context): stop parsing there.
    if (!context) throw refusal;
    context.reportError(refusal);
  };
}

export function requestLimitPlugins(limits: RequestLimits, opts: { introspection: boolean }): Plugin[] {
  const common = { exposeLimits: true, propagateOnRejection: false };
  const armor = EnvelopArmorPlugin({
    maxTokens: { n: limits.maxTokens, ...common, onReject: [reject('maxTokens')] },
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...common, onReject: [reject('maxDepth')] },
    maxAliases: { n: limits.maxAliases, ...common, onReject: [reject('maxAliases')] },
    maxDirectives: { n: limits.maxDirectives, ...common, onReject: [reject('maxDirectives')] },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...common, onReject: [reject('maxCost')] },
    // "Did you mean …" suggestions name fields: hide them where the schema itself is hidden.
    blockFieldSuggestion: { enabled: !opts.introspection },
  }) as Plugin;
  return opts.introspection ? [armor, refusalStatus] : [armor, refusalStatus, noIntrospection];
}

/** Yoga marks every parse error as a GraphQL-over-HTTP one (200 under application/json); not our refusals. */
const refusalStatus: Plugin = {
  onResultProcess({ result }) {
    for (const single of Array.isArray(result) ? result : [result]) {
      const errors = (single as { errors?: readonly { extensions?: { code?: unknown; http?: { spec?: boolean } } }[] }).errors ?? [];
      for (const error of errors) {
        if (error.extensions?.code === 'QUERY_TOO_COMPLEX' && error.extensions.http) error.extensions.http.spec = false;
      }
    }
  },
};

/** Refuses __schema and __type (not __typename, which clients need for unions). */
function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          createGraphQLError(`INTROSPECTION_DISABLED: introspection (${node.name.value}) is not enabled on this server`, {
            nodes: [node],
            extensions: { code: 'INTROSPECTION_DISABLED', http: { ...REFUSED } },
          }),
        );
      }
    },
  };
}

const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule(noIntrospectionRule);
  },
};
