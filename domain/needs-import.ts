// Questionnaire and self-assessment checklist responses, one row per State per need, read from CSV or
// JSON and validated row by row: every bad row is reported with its line, field and reason.
import { z } from 'zod';
import { STATES } from './code-lists/index.js';
import { readCsv } from './csv.js';
import { idempotencyKey, line, preview, textProblem } from './boundary.js';
import { fieldIssues, needInput } from './inputs.js';

export const IMPORT_COLUMNS = ['state', 'priorityArea', 'priorityActivity', 'instrument', 'article', 'formsOfAssistance', 'urgency', 'description', 'stateRank', 'fieldOfExpertise'] as const;
export const MAX_STATE_RANK = 10_000;
/** The file lives in PostgreSQL, not in workflow history; this bounds one upload. */
export const MAX_IMPORT_CONTENT = 20_000_000;
export const MAX_REASON_LENGTH = 300;
export const IMPORT_FORMATS = ['CSV', 'JSON'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
/** An import is RUNNING until every row is imported or recorded as an error. */
export const IMPORT_STATUSES = ['RUNNING', 'COMPLETED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
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
  // Bounded so a huge number is a row error here, never an integer overflow in PostgreSQL.
  stateRank: z.coerce.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be 1 or more' }).max(MAX_STATE_RANK, { error: `must be at most ${MAX_STATE_RANK}` }).optional(),
});

export type ImportRow = z.output<typeof importRow> & { line: number };
export interface RowError {
  line: number;
  field: string;
  message: string;
}

/**
 * Why a cell's text cannot be stored, or null. PostgreSQL refuses NUL, and control characters or lone
 * surrogates are never intended in a response.
 */
export function textDefect(value: string): string | null {
  // The one text boundary (domain/boundary.ts) decides; a spreadsheet's CRLF line ends are not a defect.
  return textProblem(value.replace(/\r\n?/g, '\n'));
}

/** A reason safe to store and show: what it quotes from the file has no control characters and is short. */
export function safeReason(reason: string): string {
  const clean = reason
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return clean.length > MAX_REASON_LENGTH ? `${clean.slice(0, MAX_REASON_LENGTH - 1)}…` : clean;
}

export const importRequest = z.object({
  format: z.enum(IMPORT_FORMATS, { error: (i) => `unknown format "${String(i.input)}"` }),
  source: z.enum(IMPORT_SOURCES, { error: (i) => `unknown source "${String(i.input)}"` }),
  /** The reporting cycle the responses belong to, e.g. "2008" or "second cycle". */
  cycle: line(50),
  // The file is stored in PostgreSQL and the workflow carries only its import id. A NUL or a control
  // character is a row error of the row that holds it (textDefect), not a refusal of the whole file.
  content: z.string().min(1, { error: 'must not be empty' }).max(MAX_IMPORT_CONTENT, { error: `must be at most ${MAX_IMPORT_CONTENT} characters; split the file` }),
  importKey: idempotencyKey,
});
export type ImportRequest = z.infer<typeof importRequest>;

type RawRecord = { line: number; value: Record<string, unknown> };

/** Raw records with their lines, from CSV (header row first) or a JSON array of objects, and what could not be read. */
export function readRecords(format: ImportFormat, content: string): { records: RawRecord[]; errors: RowError[] } {
  if (format === 'JSON') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
    } catch (err) {
      return { records: [], errors: [{ line: 0, field: 'content', message: safeReason(`the file is not valid JSON (${(err as Error).message})`) }] };
    }
    if (!Array.isArray(parsed)) return { records: [], errors: [{ line: 0, field: 'content', message: 'the JSON file must be an array of rows' }] };
    // For JSON, "line" is the row's position in the array, counting from 1.
    return {
      records: parsed.map((value, i) => ({ line: i + 1, value: (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown> })),
      errors: [],
    };
  }
  const { records: [header, ...rows], errors: lineErrors } = readCsv(content);
  const errors: RowError[] = lineErrors.map((e) => ({ line: e.line, field: 'row', message: e.reason }));
  if (!header) return { records: [], errors: [...errors, { line: 0, field: 'content', message: 'the CSV file has no header line' }] };
  const columns = header.fields.map((f) => f.trim());
  const unknown = columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) return { records: [], errors: [{ line: header.line, field: 'content', message: safeReason(`unknown column(s) ${unknown.join(', ')}; expected ${IMPORT_COLUMNS.join(', ')}`) }] };
  const records: RawRecord[] = [];
  for (const { line, fields } of rows) {
    if (fields.length > columns.length && fields.slice(columns.length).some((f) => f.trim() !== '')) {
      errors.push({ line, field: 'row', message: `has ${fields.length} fields; the header has ${columns.length}` });
      continue;
    }
    const value: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = (fields[i] ?? '').trim();
      if (cell === '') return;
      // Forms of assistance are listed with ";" or "," (whichever the file's delimiter is not).
      value[column] = column === 'formsOfAssistance' ? cell.split(/[;,]/).map((f) => f.trim()).filter(Boolean) : cell;
    });
    records.push({ line, value });
  }
  return { records, errors };
}

/** Validates each record; good rows and bad rows with their line, field and reason. */
export function validateRecords(records: RawRecord[]): { rows: ImportRow[]; errors: RowError[] } {
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const { line, value } of records) {
    const rowErrors: RowError[] = [];
    const defective = new Set<string>();
    for (const [field, cell] of Object.entries(value)) {
      for (const text of Array.isArray(cell) ? cell : [cell]) {
        const defect = typeof text === 'string' ? textDefect(text) : null;
        if (defect && !defective.has(field)) {
          defective.add(field);
          rowErrors.push({ line, field, message: defect });
        }
      }
    }
    const parsed = importRow.safeParse(value);
    if (!parsed.success) {
      for (const issue of fieldIssues(parsed.error, '')) {
        const field = issue.field.replace(/^\./, '');
        if (!defective.has(field.split('.')[0]!)) rowErrors.push({ line, field, message: safeReason(issue.message) });
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) rows.push({ ...parsed.data, line });
  }
  return { rows, errors };
}

/** The same response imported twice is the same need: State, cycle, source, area, activity, instrument, article. */
export function importedNeedId(row: ImportRow, cycle: string, source: string): string {
  return ['q', source, cycle, row.state, row.priorityArea, row.priorityActivity, row.instrument, row.article ?? '-'].join(':').replace(/\s+/g, '_');
}
