// The life of one technical-assistance project. Deterministic: no I/O here, only state, timers and
// activities. The workflow's state is the truth; every event is projected into Postgres in order.
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import { fieldIssues, startAssessmentInput } from '../domain/inputs.js';
import type { Actor } from '../domain/roles.js';
import { isFinalStage, type Stage } from '../domain/stages.js';
import { decideTransition, type TransitionName } from '../domain/transitions.js';
import type { ProjectionActivities } from '../activities/index.js';
import {
  readModelCaughtUpUpdate,
  snapshotQuery,
  startAssessmentUpdate,
  type ProjectEvent,
  type ProjectLifecycleInput,
  type ProjectProjection,
  type ProjectSnapshot,
  type TransitionArgs,
} from './definitions.js';
import { projectSearchAttributes } from './project-search-attributes.js';

const { projectEvent } = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  // No maximum attempts: if Postgres is down the workflow waits, and the read model catches up later.
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

export async function projectLifecycle(input: ProjectLifecycleInput): Promise<void> {
  const stateCodes = [input.stateCode];
  const filedAt = new Date().toISOString();
  let stage: Stage = 'SUBMITTED';
  let lastSeq = 0;
  let projectedSeq = 0;
  const unprojected: ProjectProjection[] = [];

  const snapshot = (): ProjectSnapshot => ({ projectId: input.projectId, stage, stateCodes, lastSeq, projectedSeq });

  function record(event: Omit<ProjectEvent, 'seq' | 'at'>, needs?: ProjectLifecycleInput['needs']): number {
    lastSeq += 1;
    unprojected.push({
      projectId: input.projectId,
      event: { ...event, seq: lastSeq, at: new Date().toISOString() },
      project: { stateCodes, title: input.title, stage, idempotencyKey: input.idempotencyKey, filedBy: input.filedBy, filedAt },
      needs,
    });
    return lastSeq;
  }

  /** Registers one lifecycle transition as an Update: the validator refuses before anything changes. */
  function transition<S extends z.ZodType>(
    update: UpdateDefinition<ProjectSnapshot, [TransitionArgs<z.input<S>>]>,
    name: TransitionName,
    payloadSchema: S,
  ) {
    setHandler(
      update,
      async ({ actor, payload }) => {
        const decision = decideTransition(name, actor, { stage, stateCodes });
        if (!decision.allowed) throw refused(decision.reason, decision.refusal); // validator already checked
        const parsed = payloadSchema.parse(payload) as Record<string, unknown>;
        stage = decision.to;
        const seq = record({ kind: 'TRANSITION', action: name, actor, fromStage: decision.from, toStage: decision.to, summary: parsed });
        upsertSearchAttributes(projectSearchAttributes(stage, stateCodes, input.needs));
        await condition(() => projectedSeq >= seq);
        return snapshot();
      },
      {
        validator: ({ actor, payload }) => {
          const parsed = payloadSchema.safeParse(payload);
          if (!parsed.success) {
            throw ApplicationFailure.create({
              type: 'InvalidInput',
              message: `invalid ${name} input`,
              details: fieldIssues(parsed.error, 'input'),
              nonRetryable: true,
            });
          }
          const decision = decideTransition(name, actorOf(actor), { stage, stateCodes });
          if (!decision.allowed) throw refused(decision.reason, decision.refusal);
        },
      },
    );
  }

  // Record the filing before any handler exists: updates buffered with the start run at setHandler.
  record(
    { kind: 'FILED', action: 'fileRequest', actor: input.filedBy, fromStage: null, toStage: 'SUBMITTED', summary: { needs: input.needs.length } },
    input.needs,
  );
  upsertSearchAttributes(projectSearchAttributes(stage, stateCodes, input.needs));

  transition(startAssessmentUpdate, 'startAssessment', startAssessmentInput);
  setHandler(readModelCaughtUpUpdate, async ({ seq }) => {
    await condition(() => projectedSeq >= Math.min(seq, lastSeq));
    return snapshot();
  });
  setHandler(snapshotQuery, snapshot);

  // Project events one at a time, in order, so the read model never runs ahead of or behind itself.
  for (;;) {
    await condition(() => unprojected.length > 0 || isFinalStage(stage));
    const next = unprojected[0];
    if (!next) break;
    await projectEvent(next);
    unprojected.shift();
    projectedSeq = next.event.seq;
  }
  await condition(allHandlersFinished);
}

function refused(reason: string, refusal: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'TransitionRefused', message: reason, details: [{ refusal }], nonRetryable: true });
}

/** The actor arrives from the API, which authenticated it; the validator only guards its shape. */
function actorOf(actor: Actor | undefined): Actor {
  if (!actor || typeof actor.subject !== 'string' || typeof actor.role !== 'string') {
    throw ApplicationFailure.create({ type: 'InvalidInput', message: 'an update must name its actor', nonRetryable: true });
  }
  return actor;
}
