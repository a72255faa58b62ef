// E-mail notifications: who is told where and how (contacts), what is to be sent (outbox, written in the
// same transaction as the event that causes it) and, in the embedded default, what the local SMTP
// server caught.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_contacts')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('state_code', 'text')
    .addColumn('display_name', 'text')
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('delivery', 'text', (c) => c.notNull().defaultTo('IMMEDIATE'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('notification_contacts_role_state').on('notification_contacts').columns(['role', 'state_code']).execute();

  await db.schema
    .createTable('notification_outbox')
    // `<source>#<topic>#<recipient>`: a retried projection writes each notice once.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('recipient_subject', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('digest', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('PENDING'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('notification_outbox_pending').on('notification_outbox').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('caught_mail')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('envelope_from', 'text', (c) => c.notNull())
    .addColumn('envelope_to', sql`text[]`, (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('message_id', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('caught_mail').ifExists().execute();
  await db.schema.dropTable('notification_outbox').ifExists().execute();
  await db.schema.dropTable('notification_contacts').ifExists().execute();
}
