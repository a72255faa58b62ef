// Every wait of the API on Temporal has a deadline: with no worker for the task queue, or a server that
// does not answer, the caller gets a typed UnavailableError (TEMPORAL_TIMEOUT) instead of a hung request.
import { isGrpcCancelledError, isGrpcDeadlineError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { UnavailableError } from './errors.js';

export const DEFAULT_TEMPORAL_DEADLINE_MS = 10_000;

/** The deadline in ms: the API's option, else PALERMO_TEMPORAL_DEADLINE_MS, else 10 s. */
export function temporalDeadlineMs(configured?: number): number {
  if (configured !== undefined) return configured;
  const fromEnv = Number(process.env.PALERMO_TEMPORAL_DEADLINE_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_TEMPORAL_DEADLINE_MS;
}

/**
 * Runs `fn` (calls on `client`) with a gRPC deadline, and aborts it when the deadline passes even if
 * the SDK would keep polling (an Update's outcome is long-polled in a loop).
 */
export async function withTemporalDeadline<T>(client: Client, ms: number, what: string, fn: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const unavailable = () => new UnavailableError(`Temporal did not answer ${what} within ${ms / 1000} s; it may still apply: retry with the same idempotency key`);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(unavailable());
    }, ms);
  });
  const call = client.withAbortSignal(controller.signal, () => client.withDeadline(Date.now() + ms, fn));
  call.catch(() => undefined); // after the deadline its own failure is of no interest
  try {
    return await Promise.race([call, expired]);
  } catch (err) {
    if (err instanceof UnavailableError) throw err;
    // The gRPC deadline may fire a moment before our timer: an Update then fails with its own RPC timeout error.
    if (isGrpcDeadlineError(err) || err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcCancelledError(err) || controller.signal.aborted) throw unavailable();
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
