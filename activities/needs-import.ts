// Writes imported needs in batches. Idempotent: a need's id is its natural key (State, cycle, source,
// area, activity, instrument, article), and each batch's counts are kept, so neither a retried batch
// nor a retried import writes or counts anything twice.
import type { Kysely } from 'kysely';
import { importedNeedId, type ImportRow, type RowError } from '../domain/needs-import.js';
import { recordNeedEvents } from '../db/queries/need-history.js';
import type { DB } from '../db/schema.js';

export interface ImportHeader {
  importId: string;
  source: string;
  cycle: string;
  format: string;
  totalRows: number;
  errors: RowError[];
  startedBy: string;
  startedAt: string;
}

export interface BatchResult {
  imported: number;
  alreadyPresent: number;
}

export function createNeedsImportActivities(db: Kysely<DB>) {
  return {
    async beginNeedsImport(h: ImportHeader): Promise<void> {
      await db
        .insertInto('need_imports')
        .values({ id: h.importId, source: h.source, cycle: h.cycle, format: h.format, status: 'RUNNING', total_rows: h.totalRows, errors: JSON.stringify(h.errors), started_by: h.startedBy, started_at: h.startedAt })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    },

    async importNeedBatch(b: { importId: string; batch: number; source: string; cycle: string; rows: ImportRow[]; badRowsSoFar: number; startedBy: string }): Promise<BatchResult> {
      return db.transaction().execute(async (trx) => {
        const done = await trx.selectFrom('need_import_batches').selectAll().where('import_id', '=', b.importId).where('batch', '=', b.batch).executeTakeFirst();
        if (done) return { imported: done.imported, alreadyPresent: done.already_present };
        const inserted = b.rows.length
          ? await trx
              .insertInto('needs')
              .values(
                b.rows.map((row) => ({
                  id: importedNeedId(row, b.cycle, b.source),
                  project_id: null,
                  position: row.line,
                  state_code: row.state,
                  source: b.source,
                  priority_area: row.priorityArea,
                  priority_activity: row.priorityActivity,
                  instrument: row.instrument,
                  article: row.article ?? null,
                  forms_of_assistance: row.formsOfAssistance,
                  urgency: row.urgency,
                  description: row.description,
                  state_rank: row.stateRank ?? null,
                  cycle: b.cycle,
                  import_id: b.importId,
                })),
              )
              .onConflict((oc) => oc.column('id').doNothing())
              .returning('id')
              .execute()
          : [];
        const lineOf = new Map(b.rows.map((row) => [importedNeedId(row, b.cycle, b.source), row.line]));
        await recordNeedEvents(trx, inserted.map(({ id }) => ({ needId: id, action: 'IMPORTED', actor: { subject: b.startedBy, role: 'PROGRAMME_MANAGER' }, detail: { importId: b.importId, line: lineOf.get(id), cycle: b.cycle, source: b.source } })));
        const result = { imported: inserted.length, alreadyPresent: b.rows.length - inserted.length };
        await trx.insertInto('need_import_batches').values({ import_id: b.importId, batch: b.batch, imported: result.imported, already_present: result.alreadyPresent }).execute();
        const totals = await trx
          .selectFrom('need_import_batches')
          .select((eb) => [eb.fn.sum<number>('imported').as('imported'), eb.fn.sum<number>('already_present').as('already_present')])
          .where('import_id', '=', b.importId)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('need_imports')
          .set({ imported: Number(totals.imported), already_present: Number(totals.already_present), processed_rows: Number(totals.imported) + Number(totals.already_present) + b.badRowsSoFar })
          .where('id', '=', b.importId)
          .execute();
        return result;
      });
    },

    async finishNeedsImport(f: { importId: string; processedRows: number; finishedAt: string }): Promise<void> {
      await db.updateTable('need_imports').set({ status: 'COMPLETED', processed_rows: f.processedRows, finished_at: f.finishedAt }).where('id', '=', f.importId).execute();
    },
  };
}
