// Sends the outbox through SMTP (nodemailer). One call sends one message: a single notice, or a
// person's daily digest. Transient failures (connection refused, timeouts, 4xx) are thrown as retryable
// and Temporal retries them; a permanent one (5xx) is thrown as non-retryable. Every attempt and its
// error are written on the outbox rows, so the manager sees what is happening.
import { createHash } from 'node:crypto';
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Kysely } from 'kysely';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DB } from '../db/schema.js';
import { digestDue } from '../domain/notifications/digest.js';
import type { NoticeTopic } from '../domain/notifications/audiences.js';
import { languageOf, renderDigest, renderNotice, type NoticeToRender } from '../domain/notifications/messages.js';

export interface MailConfig {
  /** smtp://host:port or smtps://user:pass@host:port; null: nothing is sent (the outbox keeps the notices). */
  smtpUrl: string | null;
  from: string;
  /** The base of the links to project pages. */
  publicUrl: string;
  /** Hour (UTC) of the daily digest. */
  digestHourUtc: number;
}

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const hour = Number(env.PALERMO_DIGEST_HOUR_UTC ?? 7);
  return {
    smtpUrl: env.PALERMO_SMTP_URL || null,
    from: env.PALERMO_MAIL_FROM || 'palermo <no-reply@palermo.invalid>',
    publicUrl: env.PALERMO_PUBLIC_URL || 'http://127.0.0.1:4000',
    digestHourUtc: Number.isInteger(hour) && hour >= 0 && hour < 24 ? hour : 7,
  };
}

export const PERMANENT_DELIVERY_FAILURE = 'PermanentDeliveryFailure';

export interface DeliveryResult {
  ids: string[];
  status: 'SENT' | 'ALREADY_SENT';
  messageId: string | null;
}

export function createNotificationActivities(db: Kysely<DB>, config: MailConfig = mailConfigFromEnv()) {
  let transport: Transporter | null = null;
  const mailer = () =>
    (transport ??= nodemailer.createTransport(config.smtpUrl!, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never));

  return {
    /** The messages to send now: each immediate notice alone; each person's digest once due. */
    async dueNotifications(): Promise<string[][]> {
      if (!config.smtpUrl) return [];
      const pending = await db
        .selectFrom('notification_outbox')
        .select(['id', 'recipient_subject', 'email', 'digest', 'created_at'])
        .where('status', '=', 'PENDING')
        .orderBy('created_at')
        .orderBy('id')
        .limit(500)
        .execute();
      const batches: string[][] = pending.filter((r) => !r.digest).map((r) => [r.id]);
      const digests = new Map<string, typeof pending>();
      for (const r of pending.filter((x) => x.digest)) {
        const person = `${r.recipient_subject}\n${r.email}`;
        digests.set(person, [...(digests.get(person) ?? []), r]);
      }
      const now = new Date();
      for (const rows of digests.values()) {
        if (digestDue(new Date(rows[0]!.created_at), now, config.digestHourUtc)) batches.push(rows.map((r) => r.id));
      }
      return batches;
    },

    async sendNotification(ids: string[]): Promise<DeliveryResult> {
      const rows = await db.selectFrom('notification_outbox').selectAll().where('id', 'in', ids).orderBy('created_at').orderBy('id').execute();
      const waiting = rows.filter((r) => r.status === 'PENDING');
      if (waiting.length === 0) return { ids, status: 'ALREADY_SENT', messageId: rows[0]?.message_id ?? null };
      const first = waiting[0]!;
      const titles = await projectTitles(db, waiting.map((r) => r.project_id));
      const notices: NoticeToRender[] = waiting.map((r) => ({ topic: r.topic as NoticeTopic, projectId: r.project_id, projectTitle: titles.get(r.project_id ?? '') ?? null, params: r.params }));
      const language = languageOf(first.language);
      const message = first.digest ? renderDigest(notices, language, config.publicUrl) : renderNotice(notices[0]!, language, config.publicUrl);
      // The same Message-ID on every attempt: a receiver can drop a copy sent twice after a crash.
      const messageId = `<${createHash('sha256').update(waiting.map((r) => r.id).join('\n')).digest('hex').slice(0, 32)}@palermo>`;
      const attempt = Context.current().info.attempt;
      const waitingIds = waiting.map((r) => r.id);
      try {
        await mailer().sendMail({ from: config.from, to: first.email, subject: message.subject, text: message.text, html: message.html, messageId, headers: { 'Content-Language': language } });
      } catch (err) {
        const e = err as { responseCode?: number; response?: string; message?: string; code?: string };
        const reason = e.responseCode ? `SMTP ${e.responseCode}: ${e.response ?? e.message}` : `${e.code ?? 'error'}: ${e.message ?? String(err)}`;
        await db.updateTable('notification_outbox').set({ attempts: attempt, last_error: reason }).where('id', 'in', waitingIds).execute();
        if (e.responseCode !== undefined && e.responseCode >= 500) throw ApplicationFailure.nonRetryable(reason, PERMANENT_DELIVERY_FAILURE);
        throw ApplicationFailure.retryable(reason, 'TransientDeliveryFailure');
      }
      await db
        .updateTable('notification_outbox')
        .set({ status: 'SENT', sent_at: new Date(), message_id: messageId, attempts: attempt, last_error: null })
        .where('id', 'in', waitingIds)
        .where('status', '=', 'PENDING')
        .execute();
      return { ids: waitingIds, status: 'SENT', messageId };
    },

    /** After a permanent failure, or when the transient retries are spent: the manager sees why. */
    async recordDeliveryFailure(input: { ids: string[]; reason: string }): Promise<void> {
      await db.updateTable('notification_outbox').set({ status: 'FAILED', last_error: input.reason }).where('id', 'in', input.ids).where('status', '=', 'PENDING').execute();
    },
  };
}

async function projectTitles(db: Kysely<DB>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('projects').select(['id', 'title']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
