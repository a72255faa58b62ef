// The history of a need: its own events (import, presumption, confirmation, ranking, merge, grouping),
// the events of the project it belongs to, and the verdicts evaluations gave it.
import { sql, type Kysely } from 'kysely';
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

/**
 * A page of a need's history in event order: its own events, its project's and its verdicts, merged in SQL
 * by a sort key (the time in microseconds, the source, the row's key: within one instant the need's own
 * events, then its project's, then its verdicts) so a page after `afterKey` costs the same at any depth.
 * Each entry carries its key for the cursor.
 */
export async function needHistoryPage(db: Kysely<DB>, needId: string, limit: number, afterKey: string | null): Promise<(NeedHistoryEntry & { sortKey: string })[]> {
  const { rows } = await sql<{ at: Date; action: string; actor_subject: string; actor_role: string; detail: Record<string, unknown>; sort_key: string }>`
    WITH h AS (
      SELECT e.at, 1 AS src, lpad(e.id::text, 20, '0') AS row_key, e.action, e.actor_subject, e.actor_role, e.detail::jsonb AS detail
        FROM need_events e WHERE e.need_id = ${needId}
      UNION ALL
      SELECT p.at, 2, lpad(p.seq::text, 20, '0'), 'project:' || p.action, p.actor_subject, p.actor_role,
             jsonb_build_object('projectId', p.project_id, 'fromStage', p.from_stage, 'toStage', p.to_stage)
        FROM project_events p WHERE p.project_id = (SELECT n.project_id FROM needs n WHERE n.id = ${needId})
      UNION ALL
      SELECT v.evaluated_at, 3, v.project_id, 'EVALUATED', v.evaluator_subject, 'EVALUATOR', jsonb_build_object('projectId', v.project_id, 'verdict', v.verdict)
        FROM need_verdicts v WHERE v.need_id = ${needId}
    ), keyed AS (
      SELECT h.*, (lpad(((extract(epoch FROM h.at) * 1000000)::bigint)::text, 20, '0') || ':' || h.src || ':' || h.row_key) COLLATE "C" AS sort_key FROM h
    )
    SELECT at, action, actor_subject, actor_role, detail, sort_key FROM keyed
     WHERE ${afterKey}::text IS NULL OR sort_key > (${afterKey}::text COLLATE "C")
     ORDER BY sort_key LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ at: new Date(r.at), action: r.action, actorSubject: r.actor_subject, actorRole: r.actor_role, detail: r.detail, sortKey: r.sort_key }));
}

export async function countNeedHistory(db: Kysely<DB>, needId: string): Promise<number> {
  const { rows } = await sql<{ n: string }>`
    SELECT (SELECT count(*) FROM need_events WHERE need_id = ${needId})
         + (SELECT count(*) FROM project_events WHERE project_id = (SELECT project_id FROM needs WHERE id = ${needId}))
         + (SELECT count(*) FROM need_verdicts WHERE need_id = ${needId}) AS n`.execute(db);
  return Number(rows[0]!.n);
}
