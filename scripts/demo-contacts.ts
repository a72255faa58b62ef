// Notification contacts of the demo identities (the tokens npm start prints and the demo portfolio's
// actors), each in the language its State works in. Addresses are invented (example.org); in the
// embedded default they all land in the local mail catcher (GET /mail).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

const STATE_LANGUAGE: Record<string, string> = { GAB: 'fr', TCD: 'fr', KEN: 'en', HND: 'es', BOL: 'es' };

export const DEMO_CONTACTS = [
  ...['GAB', 'KEN'].map((s) => ({ subject: `focal-point-${s}`, role: 'STATE_FOCAL_POINT', state_code: s, language: STATE_LANGUAGE[s]! })),
  ...Object.keys(STATE_LANGUAGE).map((s) => ({ subject: `demo-focal-point-${s}`, role: 'STATE_FOCAL_POINT', state_code: s, language: STATE_LANGUAGE[s]! })),
  { subject: 'programme-manager', role: 'PROGRAMME_MANAGER', state_code: null, language: 'en' },
  { subject: 'demo-programme-manager', role: 'PROGRAMME_MANAGER', state_code: null, language: 'en' },
  { subject: 'evaluator', role: 'EVALUATOR', state_code: null, language: 'en' },
  { subject: 'expert', role: 'EXPERT', state_code: null, language: 'en' },
].map((c) => ({ ...c, display_name: `${c.subject} (demo)`, email: `${c.subject.toLowerCase()}@example.org`, delivery: 'IMMEDIATE' }));

/** Adds the demo contacts; a person's own later choice (setNotificationPreferences) is kept. */
export async function seedDemoContacts(db: Kysely<DB>): Promise<number> {
  const result = await db.insertInto('notification_contacts').values(DEMO_CONTACTS).onConflict((oc) => oc.column('subject').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}
