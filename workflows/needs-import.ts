// Bulk import of questionnaire and checklist responses. The file is in PostgreSQL; the workflow carries
// its import id and counts. One activity reads and validates the file, batch activities write the good
// rows; a restarted worker resumes from the last finished batch.
import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { createNeedsImportActivities } from '../activities/needs-import.js';
import { needsImportProgressQuery, type NeedsImportProgress } from './needs-import-definitions.js';

type ImportActivities = ReturnType<typeof createNeedsImportActivities>;

// Data errors never reach a retry: the activities turn them into row errors. What is retried is transient
// (PostgreSQL unreachable), and it is retried until it comes back.
const { importNeedBatch, finishNeedsImport } = proxyActivities<ImportActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const { parseNeedsImport } = proxyActivities<ImportActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export const BATCH_SIZE = 200;

export async function needsImport(input: { importId: string }): Promise<NeedsImportProgress> {
  const { importId } = input;
  const progress: NeedsImportProgress = { status: 'RUNNING', totalRows: 0, goodRows: 0, processedRows: 0, imported: 0, alreadyPresent: 0, errorCount: 0, batches: 0, batchesDone: 0 };
  setHandler(needsImportProgressQuery, () => progress);

  const parsed = await parseNeedsImport({ importId });
  Object.assign(progress, { totalRows: parsed.totalRows, goodRows: parsed.goodRows, processedRows: parsed.badRows, errorCount: parsed.errorCount, batches: Math.ceil(parsed.goodRows / BATCH_SIZE) });
  for (let batch = 0; batch < progress.batches; batch++) {
    const result = await importNeedBatch({ importId, batch, batchSize: BATCH_SIZE });
    progress.imported += result.imported;
    progress.alreadyPresent += result.alreadyPresent;
    progress.errorCount += result.refused;
    progress.processedRows += result.imported + result.alreadyPresent + result.refused;
    progress.batchesDone = batch + 1;
  }
  await finishNeedsImport({ importId });
  progress.status = 'COMPLETED';
  return progress;
}
