// Table types of the read model, as Kysely sees them. The migrations in ./migrations create them.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { IdempotencyTables } from './tables/idempotency.js';
import type { LifecycleTables } from './tables/lifecycle.js';
import type { NeedRankingTables } from './tables/need-ranking.js';
import type { NeedsPoolTables } from './tables/needs-pool.js';
import type { NeedsImportStoreTables } from './tables/needs-import-store.js';
import type { NotificationTables } from './tables/notifications.js';
import type { PriorityStagingTables } from './tables/priority-staging.js';
import type { RosterTables } from './tables/roster.js';
import type { RosterVersionTables } from './tables/roster-version.js';

export type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface CodeListTable {
  code: string;
  title: string;
  details: JSONColumnType<Record<string, unknown>>;
}

export interface StateTable {
  code: string;
  name: string;
  aliases: string[];
}

export interface StateRegionTable {
  state_code: string;
  region_code: string;
}

export interface ProjectTable {
  /** The projectLifecycle workflow id. */
  id: string;
  title: string;
  stage: string;
  iati_activity_status: number;
  idempotency_key: string;
  filed_by_subject: string;
  filed_by_role: string;
  filed_at: Timestamp;
  /** Sequence number of the last event projected into this row. */
  last_event_seq: number;
  updated_at: Timestamp;
  /** The project as its workflow holds it (domain/project-state.ts ProjectState), as of last_event_seq. */
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** numeric: an exact decimal string. */
  budget_amount: string | null;
  budget_currency: string | null;
  pledged_amount: ColumnType<string, string | undefined, string>;
  merged_into: string | null;
}

export interface ProjectStateTable {
  project_id: string;
  state_code: string;
}

export interface NeedTable {
  id: string;
  /** null for a need not (yet) in a project, e.g. adopted from an evaluation's recommendation. */
  project_id: string | null;
  origin_project_id: ColumnType<string | null, string | null | undefined, string | null>;
  position: number;
  state_code: string;
  source: string;
  priority_area: string;
  priority_activity: string;
  instrument: string;
  article: string | null;
  forms_of_assistance: string[];
  urgency: string;
  description: string;
  created_at: Generated<Date>;
  /** The State's own ranking of its open needs (R2); null when it gave none. */
  state_rank: ColumnType<number | null, number | null | undefined, number | null>;
  /** Reporting cycle and import of a need read from questionnaire or checklist responses. */
  cycle: ColumnType<string | null, string | null | undefined, string | null>;
  import_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A presumed need's confirmation by its State (R1). */
  confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  confirmed_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** The need a duplicate was merged into. */
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0120: the need's own field of expertise (domain/expertise.ts), set by the State or the manager. */
  field_of_expertise: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0120: who raised it beyond a project (a field office, an adviser, an outreach mission). */
  origin_detail: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** 0120: a presumed need withdrawn because its State reported after all (R8). */
  withdrawn_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  withdrawn_reason: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0120: R14, hidden from donors and from other States. */
  confidential: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ProjectEventTable {
  project_id: string;
  seq: number;
  kind: string;
  action: string;
  actor_subject: string;
  actor_role: string;
  actor_state: string | null;
  at: Timestamp;
  from_stage: string | null;
  to_stage: string;
  summary: JSONColumnType<Record<string, unknown>>;
}

/** Tables of the foundation: code lists, projects, their needs and the audit trail. */
export interface ReadModelTables {
  priority_areas: CodeListTable;
  priority_activities: CodeListTable;
  instruments: CodeListTable;
  forms_of_assistance: CodeListTable;
  need_sources: CodeListTable;
  urgencies: CodeListTable;
  regions: CodeListTable;
  states: StateTable;
  state_regions: StateRegionTable;
  projects: ProjectTable;
  project_states: ProjectStateTable;
  needs: NeedTable;
  project_events: ProjectEventTable;
}

/** Every table, as Kysely sees them. Each part of the system keeps its tables in db/tables/. */
export interface DB
  extends ReadModelTables,
    LifecycleTables,
    RosterTables,
    NeedsPoolTables,
    IdempotencyTables,
    NeedsImportStoreTables,
    NotificationTables,
    PriorityStagingTables,
    NeedRankingTables,
    RosterVersionTables {}

export const CODE_LIST_TABLES = [
  'priority_areas',
  'priority_activities',
  'instruments',
  'forms_of_assistance',
  'need_sources',
  'urgencies',
  'regions',
] as const satisfies readonly (keyof ReadModelTables)[];
