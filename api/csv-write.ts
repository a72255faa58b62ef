// CSV of plain report rows (RFC 4180, CRLF, header from the first row's keys), written by csv-stringify,
// every text cell neutralised against formula injection (domain/spreadsheet-cells.ts).
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../domain/spreadsheet-cells.js';

export function toSafeCsv(rows: readonly Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  return stringify(rows as Record<string, unknown>[], {
    header: true,
    columns: Object.keys(rows[0]!),
    record_delimiter: 'windows',
    cast: {
      // A typed number comes from the database, not from text someone typed; NaN and Infinity do not occur.
      number: (value) => String(value),
      bigint: (value) => String(value),
      boolean: (value) => (value ? 'true' : 'false'),
      date: (value) => value.toISOString(),
      string: (value) => neutraliseCell(value),
      object: (value) => neutraliseCell(JSON.stringify(value)),
    },
  });
}
