// Cells of the CSV reports are opened in spreadsheets, which run a cell starting with a formula trigger.
// OWASP (CSV Injection) recommends prefixing such a cell with a single quote, which spreadsheets show as
// text. Exact decimal numbers are kept as they are: "-1250.50" cannot carry a formula, and a report whose
// negative amounts turned into text could no longer be summed.

/** = + - @ tab CR (OWASP), and the full-width = + - @ that some spreadsheets also read as triggers. */
const FORMULA_TRIGGER = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const DECIMAL_NUMBER = /^-?\d+(\.\d+)?$/;

/** The text of a cell, neutralised if a spreadsheet would read it as a formula. */
export function neutraliseCell(text: string): string {
  if (!FORMULA_TRIGGER.test(text) || DECIMAL_NUMBER.test(text)) return text;
  return `'${text}`;
}
