// An Update whose workflow task the server refused was not applied, and the client does not send it
// again. The server refuses a task that ends the workflow when another event arrived while it ran (an
// evaluation child's end, a signal): it answers the Update FAILED_PRECONDITION, "unexpected workflow task
// failure", and runs the next task with the new event. Sent again under the same update id, the Update
// is applied once: an id the workflow already accepted answers with its outcome instead.
import { randomUUID } from 'node:crypto';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import { UnavailableError } from './errors.js';

/** How many times an Update is sent again after a refused task before the caller is told. */
export const UPDATE_RESENDS = 3;
const FAILED_PRECONDITION = 9; // gRPC status code

/** Whether `err` says the workflow task that held the Update was refused (and the Update not applied). */
export function isRefusedWorkflowTask(err: unknown): boolean {
  const cause = err instanceof ServiceError ? err.cause : err;
  return isGrpcServiceError(cause) && cause.code === FAILED_PRECONDITION && /unexpected workflow task failure/i.test(cause.details ?? cause.message);
}

/**
 * Sends an Update with `send(updateId)`, again under the same id when its workflow task was refused, up
 * to UPDATE_RESENDS times (a refusal that recurs, such as a command the server rejects on every try,
 * is not waited out: the caller gets a retryable error).
 */
export async function sendUpdate<T>(what: string, send: (updateId: string) => Promise<T>, updateId: string = randomUUID()): Promise<T> {
  for (let resent = 0; ; resent++) {
    try {
      return await send(updateId);
    } catch (err) {
      if (!isRefusedWorkflowTask(err)) throw err;
      if (resent === UPDATE_RESENDS) {
        throw new UnavailableError(`Temporal refused the workflow task of ${what} on each of ${resent + 1} tries; it was not applied: try again`);
      }
      // The server has already scheduled the next task; a short pause lets it start.
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** resent));
    }
  }
}
