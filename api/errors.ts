// Expected failures, returned as typed members of each field's result union (Pothos errors plugin).
import type { FieldIssue } from '../domain/inputs.js';

import type { ErrorCode } from '../domain/error-codes.js';
import type { TransitionRefusal } from '../domain/transitions.js';
export type { ErrorCode };

export abstract class PalermoError extends Error {
  abstract readonly code: ErrorCode;
}

export class ValidationError extends PalermoError {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

export class ForbiddenError extends PalermoError {
  readonly code = 'FORBIDDEN';
}

export class NotFoundError extends PalermoError {
  readonly code = 'NOT_FOUND';
}

export class TransitionRefusedError extends PalermoError {
  readonly code = 'TRANSITION_REFUSED';
  constructor(
    readonly refusal: TransitionRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** The idempotency key was first used with another payload (or by another caller); nothing was done. */
export class IdempotencyKeyReusedError extends PalermoError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly idempotencyKey: string, message: string) {
    super(message);
  }
}

/**
 * Temporal did not answer within the API's deadline. The action may still apply: retrying with the
 * same idempotency key applies it at most once.
 */
export class UnavailableError extends PalermoError {
  override readonly name = 'TemporalTimeoutError';
  readonly code = 'TEMPORAL_TIMEOUT';
  readonly retryable = true;
}
