// Dates, instants and free-form JSON in the graph, from graphql-scalars (the maintained implementations),
// so a client generated from schema.graphql knows a date from a string. Inputs stay strings inside the API
// (the zod schemas of domain/boundary.ts check them again with the field's name); outputs are ISO 8601.
import { GraphQLDateTimeISO, GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
import { builder } from '../builder.js';

/** A calendar date, YYYY-MM-DD; 2027-02-31 is refused at the edge. */
export const DateScalar = builder.addScalarType('Date', GraphQLLocalDate, {
  description: 'A calendar date without time zone, YYYY-MM-DD (ISO 8601). Impossible dates such as 2027-02-31 are refused.',
});

/** An instant, serialised at UTC; an input is kept as the ISO string the client sent, once proven valid. */
export const DateTimeScalar = builder.addScalarType('DateTime', GraphQLDateTimeISO, {
  description: 'An instant as an RFC 3339 date-time string, e.g. 2027-03-01T09:30:00Z; answers are at UTC.',
  parseValue: (value: unknown) => {
    GraphQLDateTimeISO.parseValue(value);
    return value as string;
  },
  parseLiteral: (node) => {
    GraphQLDateTimeISO.parseLiteral(node, {});
    return (node as { value: string }).value;
  },
});

/** Free-form JSON, only where the shape is truly open (an event's payload summary, an import row's cells). */
export const JSONScalar = builder.addScalarType('JSON', GraphQLJSON, {});
