// Tables of the project lifecycle beyond the foundation (assessments, plans, funding, delivery,
// evaluation). Created by db/migrations/0002_lifecycle.ts.
import type { Timestamp } from '../schema.js';

export type NeedVerdict = 'MET' | 'PARTLY_MET' | 'UNMET';

export interface NeedVerdictTable {
  need_id: string;
  project_id: string;
  verdict: NeedVerdict;
  evaluated_at: Timestamp;
  evaluator_subject: string;
}

export interface LifecycleTables {
  need_verdicts: NeedVerdictTable;
}
