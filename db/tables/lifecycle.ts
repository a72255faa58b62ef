// Tables of the project lifecycle beyond the foundation (funding, evaluation). Created by
// db/migrations/0002_lifecycle.ts, which also adds details, budget and merge columns to projects.
import type { Timestamp } from '../schema.js';

export type NeedVerdict = 'MET' | 'PARTLY_MET' | 'UNMET';

export interface NeedVerdictTable {
  need_id: string;
  project_id: string;
  verdict: NeedVerdict;
  evaluated_at: Timestamp;
  evaluator_subject: string;
}

export interface PledgeTable {
  project_id: string;
  position: number;
  donor: string;
  /** numeric: an exact decimal string. */
  amount: string;
  currency: string;
  kind: string;
  earmark_priority_area: string | null;
  pledged_by: string;
  pledged_at: Timestamp;
}

export interface LifecycleTables {
  need_verdicts: NeedVerdictTable;
  pledges: PledgeTable;
}
