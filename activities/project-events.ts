// Projects one lifecycle event into the read model. Idempotent: keyed by (workflow id, event seq), so a
// retried activity writes nothing twice and an older event never overwrites a newer project row.
import type { Kysely } from 'kysely';
import { iatiActivityStatus } from '../domain/stages.js';
import type { DB } from '../db/schema.js';
import type { ProjectProjection } from '../workflows/definitions.js';

export async function writeProjectEvent(db: Kysely<DB>, p: ProjectProjection): Promise<void> {
  const { projectId, event, project } = p;
  await db.transaction().execute(async (trx) => {
    const row = {
      id: projectId,
      title: project.title,
      stage: project.stage,
      iati_activity_status: iatiActivityStatus(project.stage),
      idempotency_key: project.idempotencyKey,
      filed_by_subject: project.filedBy.subject,
      filed_by_role: project.filedBy.role,
      filed_at: project.filedAt,
      last_event_seq: event.seq,
      updated_at: event.at,
    };
    await trx
      .insertInto('projects')
      .values(row)
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet({ title: row.title, stage: row.stage, iati_activity_status: row.iati_activity_status, last_event_seq: row.last_event_seq, updated_at: row.updated_at })
          .where('projects.last_event_seq', '<', event.seq),
      )
      .execute();
    await trx
      .insertInto('project_states')
      .values(project.stateCodes.map((state_code) => ({ project_id: projectId, state_code })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    if (p.needs?.length) {
      await trx
        .insertInto('needs')
        .values(
          p.needs.map((need, position) => ({
            id: need.id,
            project_id: projectId,
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
        .onConflict((oc) => oc.column('id').doNothing())
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
        actor_state: event.actor.stateCode ?? null,
        at: event.at,
        from_stage: event.fromStage,
        to_stage: event.toStage,
        summary: JSON.stringify(event.summary),
      })
      .onConflict((oc) => oc.columns(['project_id', 'seq']).doNothing())
      .execute();
  });
}
