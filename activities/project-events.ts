// Projects one lifecycle event into the read model. Idempotent: keyed by (workflow id, event seq), so a
// retried activity writes nothing twice and an older event never overwrites a newer project row.
import type { Kysely, Transaction } from 'kysely';
import { pledgedAmount, type ProjectNeed } from '../domain/project-state.js';
import { iatiActivityStatus } from '../domain/stages.js';
import type { DB } from '../db/schema.js';
import type { ProjectProjection } from '../workflows/definitions.js';
import { enqueueProjectNotifications } from './notifications-outbox.js';

export async function writeProjectEvent(db: Kysely<DB>, p: ProjectProjection): Promise<void> {
  const { event, state } = p;
  const projectId = state.projectId;
  await db.transaction().execute(async (trx) => {
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
      .onConflict((oc) => oc.column('id').doUpdateSet(row).where('projects.last_event_seq', '<', event.seq))
      .execute();
    await trx
      .insertInto('project_states')
      .values(state.stateCodes.map((state_code) => ({ project_id: projectId, state_code })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    // A merged project's needs now belong to the survivor, which projects them itself.
    if (state.stage !== 'MERGED') await upsertNeeds(trx, state.needs, projectId);
    if (p.followUpNeeds?.length) await upsertNeeds(trx, p.followUpNeeds, null);
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
      })),
    )
    // A need keeps its id (and history) when a merge moves it to another project.
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ project_id: eb.ref('excluded.project_id'), position: eb.ref('excluded.position') })))
    .execute();
}
