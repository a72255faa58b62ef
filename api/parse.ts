import type { z } from 'zod';
import { fieldIssues } from '../domain/inputs.js';
import { ValidationError } from './errors.js';

/** Parses a GraphQL argument with its zod schema; a failure names each field and its reason. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, argument = 'input'): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(fieldIssues(result.error, argument));
  return result.data;
}
