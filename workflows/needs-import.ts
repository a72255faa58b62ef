// Bulk import of questionnaire and checklist responses: validate every row (pure), write good rows in
// batches (activities), and report progress. A restarted worker resumes from the last finished batch.
import { proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createNeedsImportActivities } from '../activities/needs-import.js';
import { readRecords, validateRecords, type ImportRequest } from '../domain/needs-import.js';
import { importProgressQuery, type ImportProgress } from './definitions.js';

const { beginNeedsImport, importNeedBatch, finishNeedsImport } = proxyActivities<ReturnType<typeof createNeedsImportActivities>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export const BATCH_SIZE = 200;


export async function needsImport(input: Omit<ImportRequest, 'importKey'> & { startedBy: string }): Promise<ImportProgress> {
  const importId = workflowInfo().workflowId;
  const { records, fileError } = readRecords(input.format, input.content);
  const { rows, errors } = validateRecords(records);
  if (fileError) errors.push({ line: 0, field: 'content', message: fileError });
  const badLines = new Set(errors.map((e) => e.line)).size;
  const progress: ImportProgress = { status: 'RUNNING', totalRows: records.length, processedRows: badLines, imported: 0, alreadyPresent: 0, errors };
  setHandler(importProgressQuery, () => progress);

  await beginNeedsImport({ importId, source: input.source, cycle: input.cycle, format: input.format, totalRows: records.length, errors, startedBy: input.startedBy, startedAt: new Date().toISOString() });
  for (let start = 0, batch = 0; start < rows.length; start += BATCH_SIZE, batch++) {
    const slice = rows.slice(start, start + BATCH_SIZE);
    const result = await importNeedBatch({ importId, batch, source: input.source, cycle: input.cycle, rows: slice, badRowsSoFar: badLines, startedBy: input.startedBy });
    progress.imported += result.imported;
    progress.alreadyPresent += result.alreadyPresent;
    progress.processedRows += slice.length;
  }
  progress.status = 'COMPLETED';
  await finishNeedsImport({ importId, processedRows: progress.processedRows, finishedAt: new Date().toISOString() });
  return progress;
}
