// Asks the surviving project of a merge to absorb the merged one, before the merged project commits
// MERGED. Sent as an Update, so the survivor's validator can refuse; the update id is fixed by the
// merged project, so a retried activity is applied once by the survivor.
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { absorbMergedProjectUpdate, type AbsorbMergedProject, type ProjectSnapshot } from '../workflows/definitions.js';

export const SURVIVOR_REFUSED = 'TransitionRefused';

export function createProjectMergeActivities(client: Client) {
  return {
    async askSurvivorToAbsorb(survivorId: string, request: AbsorbMergedProject): Promise<ProjectSnapshot> {
      try {
        return await client.workflow.getHandle(survivorId).executeUpdate(absorbMergedProjectUpdate, {
          args: [request],
          updateId: `absorbMergedProject:${request.fromProjectId}`,
        });
      } catch (err) {
        if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'TransitionRefused') {
          throw refusal(`the surviving project ${survivorId} refused: ${err.cause.message}`, 'SURVIVOR_REFUSED');
        }
        if (err instanceof WorkflowNotFoundError || /already completed/i.test(String((err as Error)?.message ?? ''))) {
          throw refusal(`the surviving project ${survivorId} cannot be reached: it has no open workflow`, 'SURVIVOR_UNREACHABLE');
        }
        throw err; // transient (Temporal busy, connection lost): the workflow's retry policy decides
      }
    },
  };
}

function refusal(message: string, refusal: string): ApplicationFailure {
  return ApplicationFailure.create({ type: SURVIVOR_REFUSED, message, details: [{ refusal }], nonRetryable: true });
}
