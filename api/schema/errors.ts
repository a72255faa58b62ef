import { builder } from '../builder.js';
import { ErrorCodeEnum, TransitionRefusalEnum } from './enums.js';
import { ForbiddenError, IdempotencyKeyReusedError, NotFoundError, PalermoError, TransitionRefusedError, UnavailableError, ValidationError } from '../errors.js';

export const ErrorInterface = builder.interfaceRef<PalermoError>('Error').implement({
  description: 'An expected failure: nothing was changed.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.field({ type: ErrorCodeEnum, resolve: (e) => e.code }),
  }),
});

const FieldIssueRef = builder.objectRef<{ field: string; message: string }>('FieldIssue').implement({
  description: 'One invalid input field and why.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Path of the field, e.g. input.needs.0.description' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(ForbiddenError, { name: 'ForbiddenError', interfaces: [ErrorInterface] });
builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface] });

builder.objectType(TransitionRefusedError, {
  name: 'TransitionRefusedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    refusal: t.field({ type: TransitionRefusalEnum, resolve: (e) => e.refusal }),
  }),
});

builder.objectType(IdempotencyKeyReusedError, {
  name: 'IdempotencyKeyReusedError',
  description: 'IDEMPOTENCY_KEY_REUSED: the key was first used with a different payload; nothing was done. Choose a new key for a new action.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ idempotencyKey: t.exposeString('idempotencyKey') }),
});

builder.objectType(UnavailableError, {
  name: 'UnavailableError',
  description: 'TEMPORAL_TIMEOUT: the workflow engine did not answer in time. The action may still apply; retry with the same idempotency key.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryable: t.exposeBoolean('retryable') }),
});
