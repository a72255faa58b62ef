// Questionnaire and self-assessment checklist responses, one row per State per need, read from CSV or
// JSON and validated row by row: every bad row is reported with its line, field and reason.
import { z } from 'zod';
import { STATES } from './code-lists/index.js';
import { parseCsv } from './csv.js';
import { boundedInt, idempotencyKey, line, preview, textProblem } from './boundary.js';
import { fieldIssues, needInput } from './inputs.js';

export const IMPORT_COLUMNS = ['state', 'priorityArea', 'priorityActivity', 'instrument', 'article', 'formsOfAssistance', 'urgency', 'description', 'stateRank'] as const;
export const IMPORT_SOURCES = ['QUESTIONNAIRE_RESPONSE', 'CHECKLIST_RESPONSE'] as const;

/** A State by ISO code, canonical name or a name variant the documents use (domain.md 4.7). */
export function resolveState(value: string): string | undefined {
  const v = value.trim().toLowerCase();
  return STATES.find((s) => s.code.toLowerCase() === v || s.name.toLowerCase() === v || s.aliases.some((a) => a.toLowerCase() === v))?.code;
}

const importRow = needInput.extend({
  state: z.string({ error: 'must be a State' }).max(100, { error: 'unknown State' }).transform((v, ctx) => {
    const code = resolveState(v);
    if (!code) ctx.addIssue({ code: 'custom', message: `unknown State "${preview(v)}"` });
    return code ?? v;
  }),
  // A rank among a State's needs: far below Postgres' integer limit.
  stateRank: z.union([z.number(), z.string().max(12, { error: 'must be 1-100000' }).regex(/^\s*\d+\s*$/, { error: 'must be a whole number' }).transform(Number)]).pipe(boundedInt(1, 100_000)).optional(),
});

export type ImportRow = z.output<typeof importRow> & { line: number };
export interface RowError {
  line: number;
  field: string;
  message: string;
}

export const importRequest = z.object({
  format: z.enum(['CSV', 'JSON'], { error: (i) => `unknown format "${String(i.input)}"` }),
  source: z.enum(IMPORT_SOURCES, { error: (i) => `unknown source "${String(i.input)}"` }),
  /** The reporting cycle the responses belong to, e.g. "2008" or "second cycle". */
  cycle: line(50),
  // The file travels in the workflow's input, and Temporal caps a payload at 2 MB.
  content: z.string({ error: 'must be text' }).min(1, { error: 'must not be empty' }).max(1_500_000, { error: 'must be at most 1.5 MB; split the file' })
    .superRefine((v, ctx) => {
      const problem = textProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: `the file ${problem}` });
    }),
  importKey: idempotencyKey,
});
export type ImportRequest = z.infer<typeof importRequest>;

/** Raw records with their lines, from CSV (header row first) or a JSON array of objects. */
export function readRecords(format: 'CSV' | 'JSON', content: string): { records: { line: number; value: Record<string, unknown> }[]; fileError?: string } {
  if (format === 'JSON') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch (err) {
      return { records: [], fileError: `the file is not valid JSON (${(err as Error).message})` };
    }
    if (!Array.isArray(parsed)) return { records: [], fileError: 'the JSON file must be an array of rows' };
    // For JSON, "line" is the row's position in the array, counting from 1.
    return { records: parsed.map((value, i) => ({ line: i + 1, value: (value ?? {}) as Record<string, unknown> })) };
  }
  const [header, ...rows] = parseCsv(content);
  if (!header) return { records: [], fileError: 'the CSV file is empty' };
  const columns = header.fields.map((f) => f.trim());
  const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) return { records: [], fileError: `unknown column(s) ${unknown.join(', ')}; expected ${IMPORT_COLUMNS.join(', ')}` };
  return {
    records: rows.map(({ line, fields }) => {
      const value: Record<string, unknown> = {};
      columns.forEach((column, i) => {
        const cell = (fields[i] ?? '').trim();
        if (cell === '') return;
        value[column] = column === 'formsOfAssistance' ? cell.split(';').map((f) => f.trim()).filter(Boolean) : cell;
      });
      return { line, value };
    }),
  };
}

/** Validates each record; good rows and bad rows with their line, field and reason. */
export function validateRecords(records: { line: number; value: Record<string, unknown> }[]): { rows: ImportRow[]; errors: RowError[] } {
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { line, value } of records) {
    const parsed = importRow.safeParse(value);
    if (parsed.success) rows.push({ ...parsed.data, line });
    else errors.push(...fieldIssues(parsed.error, '').map((i) => ({ line, field: i.field.replace(/^\./, ''), message: i.message })));
  }
  return { rows, errors };
}

/** The same response imported twice is the same need: State, cycle, source, area, activity, instrument, article. */
export function importedNeedId(row: ImportRow, cycle: string, source: string): string {
  return ['q', source, cycle, row.state, row.priorityArea, row.priorityActivity, row.instrument, row.article ?? '-'].join(':').replace(/\s+/g, '_');
}
