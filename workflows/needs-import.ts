// Bulk import of questionnaire and checklist responses. The file is in PostgreSQL; the workflow carries
// its import id and counts. One activity reads and validates the file, batch activities write the good
// rows; a restarted worker resumes from the last finished batch.
import { continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
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

export const BATCH_SIZE = 1000;
/** Batches per run: history stays a few hundred events however large the file (each batch adds six). */
export const BATCHES_PER_RUN = 100;

export interface NeedsImportInput {
  importId: string;
  /** Batches before continuing as new; BATCHES_PER_RUN unless a test asks for fewer. */
  batchesPerRun?: number;
  /** Set when a run continues as new: where the previous run stopped, and its counts. */
  resume?: { nextBatch: number; progress: NeedsImportProgress };
}

export async function needsImport(input: NeedsImportInput): Promise<NeedsImportProgress> {
  const { importId } = input;
  const progress: NeedsImportProgress = input.resume?.progress ?? { status: 'RUNNING', totalRows: 0, goodRows: 0, processedRows: 0, imported: 0, alreadyPresent: 0, errorCount: 0, batches: 0, batchesDone: 0 };
  setHandler(needsImportProgressQuery, () => progress);

  if (!input.resume) {
    const parsed = await parseNeedsImport({ importId });
    Object.assign(progress, { totalRows: parsed.totalRows, goodRows: parsed.goodRows, processedRows: parsed.badRows, errorCount: parsed.errorCount, batches: Math.ceil(parsed.goodRows / BATCH_SIZE) });
  }
  const first = input.resume?.nextBatch ?? 0;
  for (let batch = first; batch < progress.batches; batch++) {
    if (batch - first >= (input.batchesPerRun ?? BATCHES_PER_RUN) || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof needsImport>({ ...input, resume: { nextBatch: batch, progress } });
    }
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
