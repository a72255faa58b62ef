// Money in the graph: a Decimal scalar (an exact decimal as a string, never a float) and the Money
// object {amount, currency} the API contract (issue 11) asks for. Input amounts are checked by the zod
// schemas of domain/boundary.ts, so a bad amount is a ValidationError naming its field.
import { createGraphQLError } from 'graphql-yoga';
import { Kind } from 'graphql';
import { normaliseAmount } from '../../domain/money.js';
import { builder } from '../builder.js';

const DESCRIPTION =
  'An exact decimal number as a string, matching -?\\d+(\\.\\d+)? with at most 15 digits before the point and as many decimals as the currency has (USD 2, JPY 0, KWD 3). Never a float.';

function asDecimalString(value: unknown): string {
  // Any string passes here; its form is checked with the field's name by the input's zod schema.
  if (typeof value !== 'string') throw createGraphQLError('Decimal must be a string such as "150000.04", not a number: floats lose cents', { extensions: { code: 'BAD_USER_INPUT' } });
  return value;
}

export const DecimalScalar = builder.scalarType('Decimal', {
  description: DESCRIPTION,
  serialize: (value) => String(value),
  parseValue: asDecimalString,
  parseLiteral: (node) => asDecimalString(node.kind === Kind.STRING ? node.value : undefined),
});

export interface Money {
  amount: string | number;
  currency: string;
}

export const MoneyRef = builder.objectRef<Money>('Money').implement({
  description: 'An amount with its currency: an exact decimal string and an ISO 4217 code.',
  fields: (t) => ({
    amount: t.field({ type: DecimalScalar, resolve: (m) => normaliseAmount(m.amount, m.currency) }),
    currency: t.exposeString('currency', { description: 'ISO 4217, e.g. USD' }),
  }),
});
