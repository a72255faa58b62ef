// The import workflow's query and progress. Counts only: row errors live in PostgreSQL
// (need_import_errors), never in workflow history or query results. Safe to import from the API.
import { defineQuery } from '@temporalio/workflow';

export interface NeedsImportProgress {
  status: 'RUNNING' | 'COMPLETED';
  totalRows: number;
  goodRows: number;
  processedRows: number;
  imported: number;
  alreadyPresent: number;
  errorCount: number;
  batches: number;
  batchesDone: number;
}

export const needsImportProgressQuery = defineQuery<NeedsImportProgress>('needsImportProgress');
