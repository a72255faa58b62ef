// Activities of the expert invitations: idempotent writes of each invitation event into Postgres.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { enqueueInvitationNotifications } from './notifications-outbox.js';

export interface InvitationEventRecord {
  invitationId: string;
  seq: number;
  kind: string;
  expertId: string | null;
  at: string;
  details: Record<string, unknown>;
  status: string;
  settledExpert: string | null;
}

export function createRosterActivities(db: Kysely<DB>) {
  return {
    async openInvitation(i: { invitationId: string; needId: string; projectId: string | null; slot: string; candidates: string[]; invitedBy: string; startedAt: string }): Promise<void> {
      await db.insertInto('invitations').values({
        id: i.invitationId, need_id: i.needId, project_id: i.projectId, slot: i.slot, candidates: i.candidates, status: 'WAITING', expert_id: null, invited_by: i.invitedBy, started_at: i.startedAt,
      }).onConflict((oc) => oc.column('id').doNothing()).execute();
    },
    async recordInvitationEvent(e: InvitationEventRecord): Promise<void> {
      // (invitation, seq) is the key: a retried activity writes the event once.
      await db.transaction().execute(async (tx) => {
        const inserted = await tx.insertInto('invitation_events').values({
          invitation_id: e.invitationId, seq: e.seq, kind: e.kind, expert_id: e.expertId, at: e.at, details: JSON.stringify(e.details),
        }).onConflict((oc) => oc.columns(['invitation_id', 'seq']).doNothing()).executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
          await tx.updateTable('invitations').set({ status: e.status, expert_id: e.settledExpert }).where('id', '=', e.invitationId).execute();
          await enqueueInvitationNotifications(tx, e);
        }
      });
    },
  };
}
