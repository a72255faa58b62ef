// Tables of the e-mail notifications, created by db/migrations/0050_notifications.ts.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';


export interface NotificationContactTable {
  /** The token subject of the person. */
  subject: string;
  role: string;
  state_code: string | null;
  display_name: string | null;
  email: string;
  /** en, fr or es. */
  language: ColumnType<string, string | undefined, string>;
  /** IMMEDIATE or DAILY_DIGEST. */
  delivery: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotificationOutboxTable {
  id: string;
  source: string;
  topic: string;
  project_id: string | null;
  recipient_subject: string;
  email: string;
  language: string;
  digest: ColumnType<boolean, boolean | undefined, boolean>;
  params: JSONColumnType<Record<string, unknown>>;
  /** PENDING, SENT or FAILED. */
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface CaughtMailTable {
  id: Generated<number>;
  received_at: ColumnType<Date, Date | string | undefined, never>;
  envelope_from: string;
  envelope_to: string[];
  subject: string;
  text_body: string;
  html_body: string | null;
  message_id: string | null;
}

export interface NotificationTables {
  notification_contacts: NotificationContactTable;
  notification_outbox: NotificationOutboxTable;
  caught_mail: CaughtMailTable;
}


