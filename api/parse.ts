import type { z } from 'zod';
import { fieldIssues } from '../domain/inputs.js';
import { identifier } from '../domain/boundary.js';
import { NotFoundError, ValidationError } from './errors.js';

/** Parses a GraphQL argument with its zod schema; a failure names each field and its reason. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argument = 'input'): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldIssues(result.error, argument));
  return result.data;
}

/** Built once: a zod schema costs far more to build than to run, and every read by id parses one. */
const ID = identifier();

/**
 * An id argument that is not a well-formed id (a NUL, a space, a lone surrogate, 1,000 characters) names
 * nothing: a field whose union has no ValidationError answers NotFoundError, and nothing reaches the database.
 */
export function idOrNotFound(value: unknown, what: string): string {
  const result = ID.safeParse(value);
  if (!result.success) throw new NotFoundError(`no ${what} has this id (${result.error.issues[0]!.message})`);
  return result.data;
}

/** An id argument, or a ValidationError naming the argument. */
export function parseId(value: unknown, argument: string): string {
  return parseInput(ID, value, argument);
}
