// Projects one lifecycle event into the read model. The activity gets the event, not the project:
// it locks the project's row, applies the event to the state stored there with the same pure
// applyProjectEvent the workflow uses, and writes the result back. Idempotent on (project, seq): an
// event at or below the row's last_event_seq is already in, so a retried activity writes nothing twice.
// A failure that lies in the data (SQLSTATE classes 22 and 23) will recur on every retry: it is
// raised as a non-retryable ProjectionRejected failure, which the workflow records as an escalation.
// Anything else (PostgreSQL down, a lost connection) is retried until the read model catches up.
import { ApplicationFailure } from '@temporalio/common';
import { sql, type Kysely, type Transaction } from 'kysely';
import { adoptedNeeds, applyProjectEvent } from '../domain/project-events.js';
import { pledgedAmount, type ProjectNeed, type ProjectState } from '../domain/project-state.js';
import { iatiActivityStatus } from '../domain/stages.js';
import type { DB } from '../db/schema.js';
import type { ProjectRow } from '../db/queries/projects.js';
import type { ProjectEvent } from '../domain/project-events.js';
import { projectEventNotices } from '../domain/notifications/audiences.js';
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
    const row = projectRowOf(state, event);
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
      .values(eventRowOf(projectId, event))
      .onConflict((oc) => oc.columns(['project_id', 'seq']).doNothing())
      .execute();
    await enqueueProjectNotifications(trx, projectId, event);
  });
}

/** The project's row as a state stands after `event`. */
function projectRowOf(state: ProjectState, event: ProjectEvent) {
  return {
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
}

function eventRowOf(projectId: string, event: ProjectEvent) {
  return {
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
  };
}

/** The project's row as its writer read it before an Update (the API's scope check reads it). */
export interface StoredProjectRow {
  details: unknown;
  last_event_seq: number;
}

/**
 * Writes the events an Update answered with in ONE statement, when they only move the project's own
 * row: the row, guarded on still being at the event `stored` was read at, and the events, inserted only
 * if the row was (a writer in between makes it write nothing). Seven round trips (a transaction, a locked
 * read, the row, its States, needs, events) become one on the path every transition through the API takes.
 * Returns the row as written, or null when it wrote nothing: events that notify, add or move needs,
 * States, pledges or verdicts, or a row that moved meanwhile, take writeProjectEvent's path, one by one.
 */
export async function writeProjectEventsAtOnce(db: Kysely<DB>, projectId: string, stored: StoredProjectRow, projections: readonly ProjectProjection[]): Promise<ProjectRow | null> {
  const before = stored.details as ProjectState | null;
  if (!before || projections.length === 0) return null;
  let state = before;
  for (const [i, { event }] of projections.entries()) {
    if (event.seq !== stored.last_event_seq + 1 + i || !movesOnlyItsRow(event)) return null;
    state = applyProjectEvent(state, event);
  }
  if (!sameOtherRows(before, state)) return null;
  // The summary goes in as the JSON it is (jsonb_to_recordset types it), not as the text eventRowOf binds.
  const events = projections.map(({ event }) => ({ ...eventRowOf(projectId, event), summary: event.summary }));
  const written = await db
    .with('written', (qc) => qc.updateTable('projects').set(projectRowOf(state, projections.at(-1)!.event)).where('id', '=', projectId).where('last_event_seq', '=', stored.last_event_seq).returningAll())
    .with('events', (qc) =>
      qc
        .insertInto('project_events')
        .columns(['project_id', 'seq', 'kind', 'action', 'actor_subject', 'actor_role', 'actor_state', 'at', 'from_stage', 'to_stage', 'summary'])
        .expression((eb) =>
          eb
            .selectFrom(['written', sql<Omit<(typeof events)[number], 'project_id'>>`jsonb_to_recordset(${JSON.stringify(events)}::jsonb)`.as<'e'>(
              sql`e(seq integer, kind text, action text, actor_subject text, actor_role text, actor_state text, at timestamptz, from_stage text, to_stage text, summary jsonb)`,
            )])
            .select(['written.id', 'e.seq', 'e.kind', 'e.action', 'e.actor_subject', 'e.actor_role', 'e.actor_state', 'e.at', 'e.from_stage', 'e.to_stage', 'e.summary']),
        )
        .onConflict((oc) => oc.columns(['project_id', 'seq']).doNothing()),
    )
    .selectFrom('written')
    .selectAll()
    .executeTakeFirst();
  return written ?? null;
}

/** An event whose projection writes no rows but the project's and its own: no notice, no filing, no follow-up needs. */
function movesOnlyItsRow(event: ProjectEvent): boolean {
  return event.kind !== 'FILED' && event.kind !== 'ABSORBED' && event.action !== 'close' && event.toStage !== 'MERGED' && projectEventNotices(event, {}).length === 0;
}

/** The States, needs, pledges and verdicts a state's rows hold are the same in both. */
function sameOtherRows(a: ProjectState, b: ProjectState): boolean {
  const parts = (s: ProjectState) => JSON.stringify([s.stateCodes, s.needs, s.pledges, s.outcomeAssessment?.needVerdicts ?? null]);
  return parts(a) === parts(b);
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
