// Writes the notices an event causes into the outbox, inside the transaction that records the event:
// the event and its notices are committed together or not at all. Keyed by source, topic and
// recipient, so a retried projection enqueues nothing twice. The mail-dispatch workflow sends them.
import { msToNumber } from '@temporalio/common/lib/time.js';
import type { Transaction } from 'kysely';
import { timingsFromEnv } from '../api/timings.js';
import type { DB } from '../db/schema.js';
import { invitationEventNotices, projectEventNotices, type Audience, type Notice } from '../domain/notifications/audiences.js';
import { LANGUAGES, languageOf } from '../domain/notifications/messages.js';
import { DEFAULT_TIMINGS } from '../workflows/definitions.js';

interface Recipient {
  subject: string;
  email: string;
  language: string;
  digest: boolean;
}

export interface EventForOutbox {
  seq: number;
  kind: string;
  action: string;
  at: string;
  summary: Record<string, unknown>;
}

/** Enqueues the notices of one lifecycle event of `projectId` (call after the event's rows are written). */
export async function enqueueProjectNotifications(trx: Transaction<DB>, projectId: string, event: EventForOutbox): Promise<void> {
  const evaluator = event.action === 'evaluation' ? await currentEvaluator(trx, projectId) : null;
  // A reminder or lapse of an information request repeats the question and its deadline.
  const request = event.action === 'requestInformation' ? event : event.action === 'informationRequest' ? await lastInformationRequest(trx, projectId) : null;
  const notices = projectEventNotices(event, {
    evaluator,
    question: typeof request?.summary.question === 'string' ? request.summary.question : undefined,
    informationDeadline: request ? informationDeadline(request) : undefined,
  });
  if (notices.length === 0) return;
  await enqueue(trx, `project:${projectId}:${event.seq}`, projectId, notices);
}

/** Enqueues the notices of one expert-invitation event. */
export async function enqueueInvitationNotifications(
  trx: Transaction<DB>,
  e: { invitationId: string; seq: number; kind: string; expertId: string | null; at: string; details: Record<string, unknown> },
): Promise<void> {
  const invitation = await trx.selectFrom('invitations').select(['slot', 'project_id']).where('id', '=', e.invitationId).executeTakeFirst();
  const notices = invitationEventNotices(e, invitation?.slot ?? e.invitationId);
  if (notices.length === 0) return;
  await enqueue(trx, `invitation:${e.invitationId}:${e.seq}`, invitation?.project_id ?? null, notices);
}

/**
 * When an information request lapses. The lifecycle may put it in the event (summary.deadline);
 * otherwise it is the request's time plus informationDeadline of PALERMO_TIMINGS, which the worker
 * and the API must share (they do in npm start and in the tests).
 */
function informationDeadline(event: EventForOutbox): string | undefined {
  if (typeof event.summary.deadline === 'string') return event.summary.deadline;
  const timings = { ...DEFAULT_TIMINGS, ...timingsFromEnv(process.env.PALERMO_TIMINGS) };
  return new Date(Date.parse(event.at) + msToNumber(timings.informationDeadline)).toISOString();
}

async function lastInformationRequest(trx: Transaction<DB>, projectId: string): Promise<EventForOutbox | null> {
  const row = await trx
    .selectFrom('project_events')
    .select(['seq', 'kind', 'action', 'at', 'summary'])
    .where('project_id', '=', projectId)
    .where('action', '=', 'requestInformation')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row ? { seq: row.seq, kind: row.kind, action: row.action, at: new Date(row.at).toISOString(), summary: row.summary as Record<string, unknown> } : null;
}

async function currentEvaluator(trx: Transaction<DB>, projectId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('project_events')
    .select('summary')
    .where('project_id', '=', projectId)
    .where('action', '=', 'startEvaluation')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  const evaluator = (row?.summary as Record<string, unknown> | undefined)?.evaluator;
  return typeof evaluator === 'string' ? evaluator : null;
}

async function enqueue(trx: Transaction<DB>, source: string, projectId: string | null, notices: Notice[]) {
  const rows = [];
  for (const notice of notices) {
    const seen = new Set<string>();
    for (const audience of notice.audiences) {
      for (const r of await recipients(trx, audience, projectId)) {
        if (seen.has(r.subject)) continue; // one message per person even if two audiences name them
        seen.add(r.subject);
        rows.push({
          id: `${source}#${notice.topic}#${r.subject}`,
          source,
          topic: notice.topic,
          project_id: projectId,
          recipient_subject: r.subject,
          email: r.email,
          language: languageOf(r.language),
          digest: r.digest,
          params: JSON.stringify(notice.params),
        });
      }
    }
  }
  if (rows.length) await trx.insertInto('notification_outbox').values(rows).onConflict((oc) => oc.column('id').doNothing()).execute();
}

async function recipients(trx: Transaction<DB>, audience: Audience, projectId: string | null): Promise<Recipient[]> {
  const contacts = trx.selectFrom('notification_contacts').select(['subject', 'email', 'language', 'delivery']);
  let rows: { subject: string; email: string; language: string; delivery: string }[];
  if (audience.kind === 'MANAGERS') {
    rows = await contacts.where('role', '=', 'PROGRAMME_MANAGER').orderBy('subject').execute();
  } else if (audience.kind === 'FOCAL_POINTS') {
    if (!projectId) return [];
    rows = await contacts
      .where('role', '=', 'STATE_FOCAL_POINT')
      .where('state_code', 'in', trx.selectFrom('project_states').select('state_code').where('project_id', '=', projectId))
      .orderBy('subject')
      .execute();
  } else {
    rows = await contacts.where('subject', '=', audience.subject).execute();
    if (rows.length === 0) {
      // A roster expert (token subject = expert id) without a contact row: the roster's address.
      const expert = await trx.selectFrom('experts').select(['id', 'email', 'profile']).where('id', '=', audience.subject).executeTakeFirst();
      if (expert?.email) {
        const languages = ((expert.profile as { languages?: { language: string }[] }).languages ?? []).map((l) => l.language);
        rows = [{ subject: expert.id, email: expert.email, language: languageOf(languages.find((l) => (LANGUAGES as readonly string[]).includes(l))), delivery: 'IMMEDIATE' }];
      }
    }
  }
  return rows.map((r) => ({ subject: r.subject, email: r.email, language: r.language, digest: r.delivery === 'DAILY_DIGEST' }));
}
