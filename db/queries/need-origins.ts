// Writes and reads of issue 15's need data: needs a manager records (with their origin), a need's field of
// expertise, presumed needs withdrawn when their State reports (R8), and the needs a project gave rise to.
import type { Kysely } from 'kysely';
import { PRESUMED_SOURCE } from '../../domain/presumed-needs.js';
import type { RecordNeedInput } from '../../domain/needs/origins.js';
import type { DB } from '../schema.js';
import { recordNeedEvents } from './need-history.js';

type Actor = { subject: string; role: string };

export const recordedNeedId = (key: string) => `recorded-${key}`;

/** Inserts a recorded need and its first history line in one transaction; an existing id inserts nothing. */
export async function insertRecordedNeed(db: Kysely<DB>, input: RecordNeedInput, actor: Actor): Promise<string> {
  const id = recordedNeedId(input.idempotencyKey);
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('needs')
      .values({
        id, project_id: null, origin_project_id: input.parentProjectId ?? null, position: 0, state_code: input.state, source: input.source,
        priority_area: input.priorityArea, priority_activity: input.priorityActivity, instrument: input.instrument, article: input.article ?? null,
        forms_of_assistance: input.formsOfAssistance, urgency: input.urgency, description: input.description,
        field_of_expertise: input.fieldOfExpertise ?? null, confidential: input.confidential,
        origin_detail: input.raisedBy ? JSON.stringify({ raisedBy: input.raisedBy }) : null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await recordNeedEvents(trx, [{ needId: id, action: 'RECORDED', actor, detail: { source: input.source, ...(input.parentProjectId ? { projectId: input.parentProjectId } : {}), ...(input.raisedBy ? { raisedBy: input.raisedBy } : {}) } }]);
    }
  });
  return id;
}

export async function setNeedField(db: Kysely<DB>, needId: string, field: string | null, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('needs').set({ field_of_expertise: field }).where('id', '=', needId).execute();
    await recordNeedEvents(trx, [{ needId, action: 'FIELD_SET', actor, detail: { field } }]);
  });
}

export async function setNeedConfidential(db: Kysely<DB>, needId: string, confidential: boolean, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('needs').set({ confidential }).where('id', '=', needId).execute();
    await recordNeedEvents(trx, [{ needId, action: 'CONFIDENTIALITY_SET', actor, detail: { confidential } }]);
  });
}

/**
 * R8: a presumed reporting need rests on the State not reporting; once it reports, the presumption falls.
 * Withdraws the State's open, unconfirmed presumed needs (one its focal point confirmed is the State's own
 * need now, R1, and stays). Returns the ids withdrawn; a second call withdraws nothing.
 */
export async function withdrawPresumedNeeds(db: Kysely<DB>, stateCodes: readonly string[], reason: string, actor: Actor, detail: Record<string, unknown>): Promise<string[]> {
  if (stateCodes.length === 0) return [];
  const withdrawn = await db
    .updateTable('needs')
    .set({ withdrawn_at: new Date(), withdrawn_reason: reason })
    .where('source', '=', PRESUMED_SOURCE)
    .where('state_code', 'in', [...new Set(stateCodes)])
    .where('withdrawn_at', 'is', null)
    .where('confirmed_at', 'is', null)
    .where('project_id', 'is', null)
    .returning('id')
    .execute();
  await recordNeedEvents(db, withdrawn.map(({ id }) => ({ needId: id, action: 'WITHDRAWN', actor, detail: { reason, ...detail } })));
  return withdrawn.map((w) => w.id);
}

/** The needs a project gave rise to: recorded from its events and assessments, or adopted from its evaluation. */
export const followUpNeedsOf = (db: Kysely<DB>, projectId: string) =>
  db.selectFrom('needs').selectAll().where('origin_project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();

export const needRowById = (db: Kysely<DB>, id: string) => db.selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirst();

/** R3: open needs of other live projects with the same State, area, activity and instrument. */
export async function overlapsOf(db: Kysely<DB>, projectId: string, needs: readonly { id: string; stateCode: string; priorityArea: string; priorityActivity: string; instrument: string }[]) {
  if (needs.length === 0) return [];
  const others = await db
    .selectFrom('needs as n')
    .innerJoin('projects as p', 'p.id', 'n.project_id')
    .select(['n.id', 'n.project_id', 'n.state_code', 'n.priority_area', 'n.priority_activity', 'n.instrument'])
    .where('n.project_id', '!=', projectId)
    .where('n.state_code', 'in', [...new Set(needs.map((n) => n.stateCode))])
    .where('p.stage', 'not in', ['DECLINED', 'MERGED', 'CANCELLED', 'CLOSED'])
    .execute();
  return needs.flatMap((n) =>
    others
      .filter((o) => o.state_code === n.stateCode && o.priority_area === n.priorityArea && o.priority_activity === n.priorityActivity && o.instrument === n.instrument)
      .map((o) => ({ needId: n.id, otherProjectId: o.project_id!, otherNeedId: o.id })),
  );
}
