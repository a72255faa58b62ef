// Tables of the expert roster and matching. Created by db/migrations/0003_roster.ts.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ExpertProfile } from '../../domain/roster-inputs.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ExpertTable {
  id: string;
  name: string;
  nationality: string;
  nominating_state: string;
  institution: string;
  email: string | null;
  /** NOMINATED until the expert accepts; then ACTIVE, SUSPENDED or RETIRED. */
  status: string;
  profile: JSONColumnType<ExpertProfile>;
  nominated_by: string;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

/** One row per roster change: who did what, when. */
export interface ExpertHistoryTable {
  id: Generated<number>;
  expert_id: string;
  action: string;
  by_subject: string;
  by_role: string;
  at: Generated<Date>;
  details: JSONColumnType<Record<string, unknown>>;
}

/** A delivery an expert took part in, with its rating (1-4): feeds PAST_OUTCOMES and evaluator independence. */
export interface ExpertDeliveryTable {
  expert_id: string;
  project_id: string;
  rating: number | null;
  recorded_at: Generated<Date>;
}

/** Events of invitation workflows, keyed by (invitation, seq) so a retried activity writes once. */
export interface InvitationEventTable {
  invitation_id: string;
  seq: number;
  kind: string;
  expert_id: string | null;
  at: Timestamp;
  details: JSONColumnType<Record<string, unknown>>;
}

export interface InvitationTable {
  id: string;
  need_id: string;
  project_id: string | null;
  slot: string;
  candidates: string[];
  status: string;
  expert_id: string | null;
  invited_by: string;
  started_at: Timestamp;
}

export interface RosterTables {
  experts: ExpertTable;
  expert_history: ExpertHistoryTable;
  expert_deliveries: ExpertDeliveryTable;
  invitations: InvitationTable;
  invitation_events: InvitationEventTable;
}
