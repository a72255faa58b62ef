// Imports needs from a file stored in PostgreSQL. The workflow passes only the import id: one activity
// reads and validates the file into need_import_rows and need_import_errors, then batch activities write
// the good rows. Idempotent: the file is read once (parsed_at), each batch's counts are kept, and a
// need's id is its natural key (State, cycle, source, area, activity, instrument, article), so neither a
// retried batch nor a repeated import writes or counts anything twice.
import { sql, type Kysely, type Transaction } from 'kysely';
import { importedNeedId, readRecords, safeReason, validateRecords, type ImportRow, type RowError } from '../domain/needs-import.js';
import { withdrawPresumedNeeds } from '../db/queries/need-origins.js';
import { recordNeedEvents } from '../db/queries/need-history.js';
import type { DB } from '../db/schema.js';

export interface ParsedImport {
  totalRows: number;
  goodRows: number;
  badRows: number;
  errorCount: number;
}

export interface BatchResult {
  imported: number;
  alreadyPresent: number;
  /** Good rows the database refused (a data error): now row errors. */
  refused: number;
}

/** PostgreSQL classes 22 (data exception) and 23 (integrity constraint): the same row fails every time. */
export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

const CHUNK = 2000;

async function appendErrors(trx: Transaction<DB>, importId: string, errors: RowError[]): Promise<void> {
  if (!errors.length) return;
  const { next } = await trx
    .selectFrom('need_import_errors')
    .select(sql<number>`coalesce(max(seq) + 1, 0)::int`.as('next'))
    .where('import_id', '=', importId)
    .executeTakeFirstOrThrow();
  for (let i = 0; i < errors.length; i += CHUNK) {
    await trx
      .insertInto('need_import_errors')
      .values(errors.slice(i, i + CHUNK).map((e, j) => ({ import_id: importId, seq: next + i + j, line: e.line, field: e.field, reason: safeReason(e.message) })))
      .execute();
  }
}

function needValues(row: ImportRow, b: { importId: string; cycle: string; source: string }) {
  return {
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
    field_of_expertise: row.fieldOfExpertise ?? null,
    cycle: b.cycle,
    import_id: b.importId,
  };
}

export function createNeedsImportActivities(db: Kysely<DB>) {
  return {
    /** Reads and validates the stored file once; later calls return what the first stored. */
    async parseNeedsImport({ importId }: { importId: string }): Promise<ParsedImport> {
      return db.transaction().execute(async (trx) => {
        const header = await trx.selectFrom('need_imports').selectAll().where('id', '=', importId).forUpdate().executeTakeFirstOrThrow();
        if (header.parsed_at) return { totalRows: header.total_rows, goodRows: header.good_rows, badRows: header.bad_rows, errorCount: header.error_count };
        const upload = await trx.selectFrom('need_import_uploads').select('content').where('import_id', '=', importId).executeTakeFirstOrThrow();
        let rows: ImportRow[] = [];
        let errors: RowError[];
        try {
          const { records, errors: readErrors } = readRecords(header.format as 'CSV' | 'JSON', new TextDecoder('utf-8').decode(upload.content));
          const validated = validateRecords(records);
          rows = validated.rows;
          errors = [...readErrors, ...validated.errors].sort((a, b) => a.line - b.line);
        } catch (err) {
          // Reading is pure: whatever throws here would throw on every retry, so it is the file's error.
          errors = [{ line: 0, field: 'content', message: `the file could not be read: ${(err as Error).message}` }];
        }
        const badRows = new Set(errors.filter((e) => e.line > 0).map((e) => e.line)).size;
        const totalRows = rows.length + badRows;
        for (let i = 0; i < rows.length; i += CHUNK) {
          await trx
            .insertInto('need_import_rows')
            .values(rows.slice(i, i + CHUNK).map((row, j) => ({ import_id: importId, ordinal: i + j, line: row.line, row: JSON.stringify(row) })))
            .execute();
        }
        await appendErrors(trx, importId, errors);
        await trx
          .updateTable('need_imports')
          .set({ total_rows: totalRows, good_rows: rows.length, bad_rows: badRows, error_count: errors.length, processed_rows: badRows, parsed_at: new Date() })
          .where('id', '=', importId)
          .execute();
        return { totalRows, goodRows: rows.length, badRows, errorCount: errors.length };
      });
    },

    async importNeedBatch(b: { importId: string; batch: number; batchSize: number }): Promise<BatchResult> {
      return db.transaction().execute(async (trx) => {
        const done = await trx.selectFrom('need_import_batches').selectAll().where('import_id', '=', b.importId).where('batch', '=', b.batch).executeTakeFirst();
        if (done) return { imported: done.imported, alreadyPresent: done.already_present, refused: done.refused };
        const header = await trx.selectFrom('need_imports').select(['source', 'cycle', 'started_by']).where('id', '=', b.importId).executeTakeFirstOrThrow();
        const rows = (
          await trx
            .selectFrom('need_import_rows')
            .select('row')
            .where('import_id', '=', b.importId)
            .where('ordinal', '>=', b.batch * b.batchSize)
            .where('ordinal', '<', (b.batch + 1) * b.batchSize)
            .orderBy('ordinal')
            .execute()
        ).map((r) => r.row);
        const scope = { importId: b.importId, cycle: header.cycle, source: header.source };
        const insert = (batchRows: ImportRow[]) =>
          trx.insertInto('needs').values(batchRows.map((row) => needValues(row, scope))).onConflict((oc) => oc.column('id').doNothing()).returning('id').execute();

        // All rows at once; if the database refuses one on its data, row by row, each refusal a row error.
        let inserted: { id: string }[] = [];
        const refusals: RowError[] = [];
        if (rows.length) {
          await sql`savepoint batch_rows`.execute(trx);
          try {
            inserted = await insert(rows);
          } catch (err) {
            if (!isDataError(err)) throw err;
            await sql`rollback to savepoint batch_rows`.execute(trx);
            for (const row of rows) {
              await sql`savepoint one_row`.execute(trx);
              try {
                inserted.push(...(await insert([row])));
              } catch (rowErr) {
                if (!isDataError(rowErr)) throw rowErr;
                await sql`rollback to savepoint one_row`.execute(trx);
                refusals.push({ line: row.line, field: 'row', message: `the database refused this row: ${(rowErr as Error).message}` });
              }
            }
          }
        }
        const lineOf = new Map(rows.map((row) => [importedNeedId(row, header.cycle, header.source), row.line]));
        await recordNeedEvents(trx, inserted.map(({ id }) => ({ needId: id, action: 'IMPORTED', actor: { subject: header.started_by, role: 'PROGRAMME_MANAGER' }, detail: { importId: b.importId, line: lineOf.get(id), cycle: header.cycle, source: header.source } })));
        // R8: a State whose response this is has reported: its presumed reporting needs are withdrawn.
        const reporting = rows.filter((row) => !refusals.some((r) => r.line === row.line)).map((row) => row.state);
        await withdrawPresumedNeeds(trx, reporting, `${header.source === 'CHECKLIST_RESPONSE' ? 'checklist' : 'questionnaire'} response imported for cycle ${header.cycle}`, { subject: header.started_by, role: 'PROGRAMME_MANAGER' }, { importId: b.importId, cycle: header.cycle });
        await appendErrors(trx, b.importId, refusals);
        const result = { imported: inserted.length, alreadyPresent: rows.length - inserted.length - refusals.length, refused: refusals.length };
        await trx.insertInto('need_import_batches').values({ import_id: b.importId, batch: b.batch, imported: result.imported, already_present: result.alreadyPresent, refused: result.refused }).execute();
        const totals = await trx
          .selectFrom('need_import_batches')
          .select([sql<number>`sum(imported)::int`.as('imported'), sql<number>`sum(already_present)::int`.as('already_present'), sql<number>`sum(refused)::int`.as('refused')])
          .where('import_id', '=', b.importId)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('need_imports')
          .set((eb) => ({
            imported: totals.imported,
            already_present: totals.already_present,
            bad_rows: eb('bad_rows', '+', result.refused),
            error_count: eb('error_count', '+', refusals.length),
            processed_rows: eb(eb('bad_rows', '+', result.refused), '+', totals.imported + totals.already_present),
          }))
          .where('id', '=', b.importId)
          .execute();
        return result;
      });
    },

    async finishNeedsImport({ importId }: { importId: string }): Promise<void> {
      await db
        .updateTable('need_imports')
        .set((eb) => ({ status: 'COMPLETED', processed_rows: eb('bad_rows', '+', eb('imported', '+', eb.ref('already_present'))), finished_at: new Date() }))
        .where('id', '=', importId)
        .execute();
    },
  };
}
