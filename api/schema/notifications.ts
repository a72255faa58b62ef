// E-mail notifications in the graph: each person's preferences, and the outbox for the manager (what
// was sent, what is waiting, what failed and why).
import { sql, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notificationPreferencesInput } from '../../domain/notifications/inputs.js';
import { builder } from '../builder.js';
import { ForbiddenError, ValidationError } from '../errors.js';
import { parseInput } from '../parse.js';
import { connectionOf, pageArgs, pageOf, pageRequest } from './pagination.js';
import type { Delivery, NotificationStatus } from '../../domain/notifications/digest.js';
import type { NoticeTopic } from '../../domain/notifications/audiences.js';
import type { Language } from '../../domain/notifications/messages.js';
import { NotificationDeliveryEnum, NotificationLanguageEnum, NotificationStatusEnum, NotificationTopicEnum } from './enums.js';

type ContactRow = Selectable<DB['notification_contacts']>;
type OutboxRow = Selectable<DB['notification_outbox']>;

const ContactRef = builder.objectRef<ContactRow>('NotificationPreferences').implement({
  description: 'Where and how a person is told: address, language (en, fr, es), IMMEDIATE or DAILY_DIGEST.',
  fields: (t) => ({
    subject: t.exposeString('subject'),
    email: t.exposeString('email'),
    language: t.field({ type: NotificationLanguageEnum, resolve: (c) => c.language as Language }),
    delivery: t.field({ type: NotificationDeliveryEnum, resolve: (c) => c.delivery as Delivery }),
  }),
});

const OutboxRef = builder.objectRef<OutboxRow>('OutboxNotification').implement({
  description: 'One notice to one person. status: PENDING (waiting, or held for the daily digest), SENT, FAILED (lastError says why).',
  fields: (t) => ({
    id: t.exposeString('id'),
    topic: t.field({ type: NotificationTopicEnum, resolve: (r) => r.topic as NoticeTopic }),
    projectId: t.exposeString('project_id', { nullable: true }),
    recipient: t.exposeString('recipient_subject'),
    email: t.exposeString('email'),
    language: t.field({ type: NotificationLanguageEnum, resolve: (r) => r.language as Language }),
    digest: t.exposeBoolean('digest'),
    status: t.field({ type: NotificationStatusEnum, resolve: (r) => r.status as NotificationStatus }),
    attempts: t.exposeInt('attempts'),
    lastError: t.exposeString('last_error', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => new Date(r.created_at) }),
    sentAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => (r.sent_at ? new Date(r.sent_at) : null) }),
  }),
});

const OutboxConnection = connectionOf('OutboxNotification', OutboxRef, { totalCount: true });

builder.queryFields((t) => ({
  notificationOutbox: t.field({
    type: OutboxConnection,
    description: 'The e-mail outbox, newest first, a page at a time (PROGRAMME_MANAGER).',
    args: { status: t.arg({ type: NotificationStatusEnum, required: false }), projectId: t.arg.string({ required: false }), ...pageArgs(t) },
    // A list cannot be a union member: the success type wraps it as `data`.
    errors: { types: [ValidationError, ForbiddenError] },
    resolve: async (_r, args, ctx) => {
      if (ctx.actor!.role !== 'PROGRAMME_MANAGER') throw new ForbiddenError(`notificationOutbox is for PROGRAMME_MANAGER; the caller is ${ctx.actor!.role}`);
      if (args.projectId && !/^[A-Za-z0-9._-]{1,300}$/.test(args.projectId)) throw new ValidationError([{ field: 'projectId', message: 'must be a project id: 1-300 letters, digits, ".", "_" or "-"' }]);
      const page = pageRequest(args, ['string', 'string']);
      const filtered = () => {
        let q = ctx.deps.db.selectFrom('notification_outbox');
        if (args.status) q = q.where('status', '=', args.status);
        if (args.projectId) q = q.where('project_id', '=', args.projectId);
        return q;
      };
      // Keyset: newest first by (created_at, id), the cursor carrying created_at's exact text.
      let q = filtered().selectAll().select(sql<string>`created_at::text`.as('sort_key'));
      if (page.after) q = q.where(sql<boolean>`(created_at, id) < (${page.after[0]}::timestamptz, ${page.after[1]})`);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.first + 1).execute();
      const count = async () => Number((await filtered().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return pageOf(rows, page, (r) => [r.sort_key, r.id], ({ sort_key: _key, ...row }) => row, count);
    },
  }),
  myNotificationPreferences: t.field({
    type: ContactRef,
    nullable: true,
    description: "The caller's own notification preferences (null: none recorded, so no mail).",
    resolve: async (_r, _a, ctx) => (await ctx.deps.db.selectFrom('notification_contacts').selectAll().where('subject', '=', ctx.actor!.subject).executeTakeFirst()) ?? null,
  }),
}));

const SetNotificationPreferencesInput = builder.inputType('SetNotificationPreferencesInput', {
  fields: (t) => ({
    delivery: t.field({ type: NotificationDeliveryEnum, required: true }),
    language: t.field({ type: NotificationLanguageEnum, required: false }),
    email: t.string({ required: false, description: 'Required the first time' }),
  }),
});

builder.mutationFields((t) => ({
  setNotificationPreferences: t.field({
    type: ContactRef,
    description: 'The caller chooses immediate mail or a daily digest, its language and (the first time) its address.',
    args: { input: t.arg({ type: SetNotificationPreferencesInput, required: true }) },
    errors: { types: [ValidationError], directResult: true },
    resolve: async (_r, { input: args }, ctx) => {
      const input = parseInput(notificationPreferencesInput, { delivery: args.delivery, language: args.language ?? undefined, email: args.email ?? undefined }, 'input');
      const actor = ctx.actor!;
      const db = ctx.deps.db;
      const existing = await db.selectFrom('notification_contacts').selectAll().where('subject', '=', actor.subject).executeTakeFirst();
      if (!existing && !input.email) throw new ValidationError([{ field: 'input.email', message: 'is required the first time: palermo has no address for you yet' }]);
      const values = {
        delivery: input.delivery,
        ...(input.language ? { language: input.language } : {}),
        ...(input.email ? { email: input.email } : {}),
        updated_at: new Date(),
      };
      return db
        .insertInto('notification_contacts')
        .values({ subject: actor.subject, role: actor.role, state_code: actor.stateCode ?? null, email: input.email ?? existing!.email, language: input.language ?? 'en', delivery: input.delivery })
        .onConflict((oc) => oc.column('subject').doUpdateSet(values))
        .returningAll()
        .executeTakeFirstOrThrow();
    },
  }),
}));
