// Projects one lifecycle event into the read model. The activity gets the event, not the project:
// it locks the project's row, applies the event to the state stored there with the same pure
// applyProjectEvent the workflow uses, and writes the result back. Idempotent on (project, seq): an
// event at or below the row's last_event_seq is already in, so a retried activity writes nothing twice.
// A failure that lies in the data (SQLSTATE classes 22 and 23) will recur on every retry: it is
// raised as a non-retryable ProjectionRejected failure, which the workflow records as an escalation.
// Anything else (PostgreSQL down, a lost connection) is retried until the read model catches up.
import { ApplicationFailure } from '@temporalio/common';
import type { Kysely, Transaction } from 'kysely';
import { adoptedNeeds, applyProjectEvent } from '../domain/project-events.js';
import { pledgedAmount, type ProjectNeed, type ProjectState } from '../domain/project-state.js';
import { iatiActivityStatus } from '../domain/stages.js';
import type { DB } from '../db/schema.js';
import { PROJECTION_REJECTED, type ProjectProjection } from '../workflows/definitions.js';
import { enqueueProjectNotifications } from './notifications-outbox.js';
import { recordNeedEvents } from '../db/queries/need-history.js';

/** True for PostgreSQL errors that lie in the data: class 22 (data exception), class 23 (integrity). */
export function isDeterministicPgError(err: unknown): err is Error & { code: string } {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}

export async function projectEventOrReject(db: Kysely<DB>, p: ProjectProjection): Promise<void> {
  try {
    await writeProjectEvent(db, p);
  } catch (err) {
    if (!isDeterministicPgError(err)) throw err;
    throw ApplicationFailure.create({
      type: PROJECTION_REJECTED,
      message: `PostgreSQL refused event ${p.event.seq} (${p.event.action}): ${err.message} [SQLSTATE ${err.code}]`,
      details: [{ sqlstate: err.code }],
      nonRetryable: true,
    });
  }
}

export async function writeProjectEvent(db: Kysely<DB>, p: ProjectProjection): Promise<void> {
  const { event, projectId } = p;
  await db.transaction().execute(async (trx) => {
    const stored = await trx.selectFrom('projects').select(['details', 'last_event_seq']).where('id', '=', projectId).forUpdate().executeTakeFirst();
    if (stored && stored.last_event_seq >= event.seq) return; // already projected
    if (!stored && event.kind !== 'FILED') throw new Error(`project ${projectId} has no row yet; event ${event.seq} waits for its filing`);
    const state: ProjectState = applyProjectEvent(stored ? (stored.details as unknown as ProjectState) : null, event, p.filing);
    const followUpNeeds = event.action === 'close' ? adoptedNeeds(state, (event.summary.adoptRecommendations as number[] | undefined) ?? []) : [];
    const row = {
      title: state.title,
      stage: state.stage,
      iati_activity_status: iatiActivityStatus(state.stage),
      last_event_seq: event.seq,
      updated_at: event.at,
      details: JSON.stringify(state),
      budget_amount: state.budget?.amount ?? null,
      budget_currency: state.budget?.currency ?? null,
      pledged_amount: pledgedAmount(state),
      merged_into: state.mergedInto,
    };
    if (stored) {
      await trx.updateTable('projects').set(row).where('id', '=', projectId).execute();
    } else {
      await trx
        .insertInto('projects')
        .values({
          ...row,
          id: projectId,
          idempotency_key: p.idempotencyKey,
          filed_by_subject: p.filedBy.subject,
          filed_by_role: p.filedBy.role,
          filed_at: p.filedAt,
        })
        .onConflict((oc) => oc.column('id').doNothing()) // an overlapping attempt wrote it first
        .execute();
    }
    await trx
      .insertInto('project_states')
      .values(state.stateCodes.map((state_code) => ({ project_id: projectId, state_code })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    // A merged project's needs now belong to the survivor, which projects them itself.
    if (state.stage !== 'MERGED') await upsertNeeds(trx, state.needs, projectId);
    if (followUpNeeds.length) {
      await upsertNeeds(trx, followUpNeeds, null);
      // Issue 15: an adopted need's history starts at its birth, with the project it came from.
      await recordNeedEvents(trx, followUpNeeds.map((n) => ({ needId: n.id, action: 'FOLLOW_UP_OF', actor: event.actor, detail: { projectId, recommendation: Number(n.id.split('-').pop()) } })));
    }
    if (state.pledges.length) {
      await trx
        .insertInto('pledges')
        .values(
          state.pledges.map((pledge, position) => ({
            project_id: projectId,
            position,
            donor: pledge.donor,
            amount: pledge.amount,
            currency: pledge.currency,
            kind: pledge.kind,
            earmark_priority_area: pledge.earmarkPriorityArea ?? null,
            pledged_by: pledge.by,
            pledged_at: pledge.at,
          })),
        )
        .onConflict((oc) => oc.columns(['project_id', 'position']).doNothing())
        .execute();
    }
    const assessment = state.outcomeAssessment;
    if (assessment?.needVerdicts.length) {
      await trx
        .insertInto('need_verdicts')
        .values(assessment.needVerdicts.map((v) => ({ need_id: v.needId, project_id: projectId, verdict: v.verdict, evaluated_at: assessment.at, evaluator_subject: assessment.by })))
        .onConflict((oc) => oc.columns(['need_id', 'project_id']).doNothing())
        .execute();
    }
    await trx
      .insertInto('project_events')
      .values({
        project_id: projectId,
        seq: event.seq,
        kind: event.kind,
        action: event.action,
        actor_subject: event.actor.subject,
        actor_role: event.actor.role,
        actor_state: 'stateCode' in event.actor ? (event.actor.stateCode ?? null) : null,
        at: event.at,
        from_stage: event.fromStage,
        to_stage: event.toStage,
        summary: JSON.stringify(event.summary),
      })
      .onConflict((oc) => oc.columns(['project_id', 'seq']).doNothing())
      .execute();
    await enqueueProjectNotifications(trx, projectId, event);
  });
}

async function upsertNeeds(trx: Transaction<DB>, needs: ProjectNeed[], projectId: string | null) {
  if (needs.length === 0) return;
  await trx
    .insertInto('needs')
    .values(
      needs.map((need, position) => ({
        id: need.id,
        project_id: projectId,
        origin_project_id: need.originProjectId ?? null,
        position,
        state_code: need.stateCode,
        source: need.source,
        priority_area: need.priorityArea,
        priority_activity: need.priorityActivity,
        instrument: need.instrument,
        article: need.article ?? null,
        forms_of_assistance: need.formsOfAssistance,
        urgency: need.urgency,
        description: need.description,
        field_of_expertise: need.fieldOfExpertise ?? null,
        confidential: need.confidential ?? false,
      })),
    )
    // A need keeps its id (and history) when a merge moves it to another project.
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ project_id: eb.ref('excluded.project_id'), position: eb.ref('excluded.position') })))
    .execute();
}
