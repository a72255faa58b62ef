// Reads CSV as spreadsheets write it, with csv-parse: the delimiter (",", ";" as French- and
// Spanish-locale spreadsheets write, or tab) is taken from the header line, a BOM is dropped, and a
// record csv-parse cannot read (an unterminated or stray quote) becomes an error on the line where it
// starts; reading resumes on the next line, so no later row is swallowed into a runaway quoted field.
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line where the record starts in the file. */
  line: number;
  fields: string[];
}

export interface CsvLineError {
  line: number;
  reason: string;
}

export const CSV_DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most often outside quotes on the header line; "," when there is none. */
export function detectDelimiter(headerLine: string): (typeof CSV_DELIMITERS)[number] {
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: (typeof CSV_DELIMITERS)[number] = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

const REASONS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field opened on this line is never closed',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field starting on this line is followed by text before the next delimiter (unbalanced quote)',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted field starting on this line is followed by text before the next delimiter (unbalanced quote)',
  CSV_QUOTE_NOT_ALLOWED: 'a quote appears inside an unquoted field on this line',
  CSV_MAX_RECORD_SIZE: 'the record starting on this line is too long',
};

/** After this many unreadable records the rest of the file is reported as one error (each resumes a parse). */
export const MAX_CSV_LINE_ERRORS = 1000;

/**
 * Every record with the line it starts on, and the lines that could not be read. Empty lines are
 * skipped; rows may have fewer or more fields than the header (the caller reports that).
 */
export function readCsv(text: string): { records: CsvRecord[]; errors: CsvLineError[]; delimiter: string } {
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineStarts = [0];
  for (let i = content.indexOf('\n'); i !== -1; i = content.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const firstLineEnd = content.indexOf('\n');
  const delimiter = detectDelimiter(firstLineEnd === -1 ? content : content.slice(0, firstLineEnd));
  const records: CsvRecord[] = [];
  const errors: CsvLineError[] = [];

  let startLine = 1; // first line of the slice being parsed
  while (startLine <= lineStarts.length) {
    const offset = startLine - 1;
    let lastEnd = offset; // last line (in the file) of the last record read in this slice
    let emptyBefore = 0;
    try {
      parse(content.slice(lineStarts[startLine - 1]), {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        max_record_size: 1_000_000,
        on_record: (fields: string[], context) => {
          // A record starts on the first non-empty line after the previous record.
          const line = lastEnd + 1 + (context.empty_lines - emptyBefore);
          records.push({ line, fields });
          lastEnd = offset + context.lines;
          emptyBefore = context.empty_lines;
          return null;
        },
      });
      break;
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      // The failing record starts on the first line after the last record read (empty lines aside).
      let line = lastEnd + 1;
      while (line < lineStarts.length && content.slice(lineStarts[line - 1], lineStarts[line]).trim() === '') line++;
      if (errors.length >= MAX_CSV_LINE_ERRORS) {
        errors.push({ line, reason: `reading stopped here: more than ${MAX_CSV_LINE_ERRORS} lines could not be read` });
        break;
      }
      errors.push({ line, reason: REASONS[err.code] ?? `the line cannot be read as CSV (${err.code})` });
      startLine = line + 1;
    }
  }
  return { records, errors, delimiter };
}
