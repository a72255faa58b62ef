/** The code of every expected failure the API answers (the GraphQL Error interface's code). */
export const ERROR_CODES = ['VALIDATION_FAILED', 'FORBIDDEN', 'NOT_FOUND', 'TRANSITION_REFUSED', 'IDEMPOTENCY_KEY_REUSED', 'TEMPORAL_TIMEOUT'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
