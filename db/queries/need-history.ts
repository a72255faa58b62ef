// The history of a need: its own events (import, presumption, confirmation, ranking, merge, grouping),
// the events of the project it belongs to, and the verdicts evaluations gave it.
import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

export type NeedAction = 'IMPORTED' | 'PRESUMED' | 'CONFIRMED' | 'RANKED' | 'MERGED_INTO' | 'ABSORBED_DUPLICATE' | 'GROUPED_INTO_PROJECT'
  // issue 15: recorded by a manager, adopted from an evaluation, field set, confidentiality set, withdrawn (R8)
  | 'RECORDED' | 'FOLLOW_UP_OF' | 'FIELD_SET' | 'CONFIDENTIALITY_SET' | 'WITHDRAWN';

export interface NeedEvent {
  needId: string;
  action: NeedAction;
  actor: { subject: string; role: string };
  detail?: Record<string, unknown>;
}

export async function recordNeedEvents(db: Kysely<DB>, events: readonly NeedEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('need_events')
    .values(events.map((e) => ({ need_id: e.needId, action: e.action, actor_subject: e.actor.subject, actor_role: e.actor.role, detail: JSON.stringify(e.detail ?? {}) })))
    .execute();
}

export interface NeedHistoryEntry {
  at: Date;
  action: string;
  actorSubject: string;
  actorRole: string;
  detail: Record<string, unknown>;
}

export async function needHistory(db: Kysely<DB>, needId: string): Promise<NeedHistoryEntry[]> {
  const [own, need, verdicts] = await Promise.all([
    db.selectFrom('need_events').selectAll().where('need_id', '=', needId).orderBy('id').execute(),
    db.selectFrom('needs').select(['project_id', 'created_at']).where('id', '=', needId).executeTakeFirst(),
    db.selectFrom('need_verdicts').selectAll().where('need_id', '=', needId).execute(),
  ]);
  const projectEvents = need?.project_id
    ? await db.selectFrom('project_events').selectAll().where('project_id', '=', need.project_id).orderBy('seq').execute()
    : [];
  const entries: NeedHistoryEntry[] = [
    ...own.map((e) => ({ at: new Date(e.at), action: e.action, actorSubject: e.actor_subject, actorRole: e.actor_role, detail: e.detail })),
    ...projectEvents.map((e) => ({
      at: new Date(e.at), action: `project:${e.action}`, actorSubject: e.actor_subject, actorRole: e.actor_role,
      detail: { projectId: e.project_id, fromStage: e.from_stage, toStage: e.to_stage },
    })),
    ...verdicts.map((v) => ({ at: new Date(v.evaluated_at), action: 'EVALUATED', actorSubject: v.evaluator_subject, actorRole: 'EVALUATOR', detail: { projectId: v.project_id, verdict: v.verdict } })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
