// Tables of an import's stored file, good rows and row errors. Created by db/migrations/0030_needs_import_store.ts
// (which also adds good_rows, bad_rows, error_count and parsed_at to need_imports) and 0030_need_claims.ts.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { ImportRow } from '../../domain/needs-import.js';

export interface NeedImportUploadTable {
  import_id: string;
  content: Buffer;
  content_sha256: string;
  uploaded_at: Generated<Date>;
}

export interface NeedImportRowTable {
  import_id: string;
  ordinal: number;
  line: number;
  row: JSONColumnType<ImportRow>;
}

export interface NeedImportErrorTable {
  import_id: string;
  seq: number;
  line: number;
  field: string;
  reason: string;
}

/** Which project a pool need was grouped into; the primary key lets one project have it. */
export interface NeedClaimTable {
  need_id: string;
  project_id: string;
  claimed_by: string;
  claimed_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface NeedsImportStoreTables {
  need_import_uploads: NeedImportUploadTable;
  need_import_rows: NeedImportRowTable;
  need_import_errors: NeedImportErrorTable;
  need_claims: NeedClaimTable;
}
