// A small RFC 4180 CSV reader (quoted fields, "" escapes, CRLF), pure so workflows can use it.
export interface CsvRecord {
  /** 1-based line where the record starts in the file. */
  line: number;
  fields: string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f !== '')) records.push({ line: startLine, fields });
      fields = [];
      field = '';
      line++;
      startLine = line;
    } else {
      field += c;
    }
  }
  fields.push(field);
  if (fields.some((f) => f !== '')) records.push({ line: startLine, fields });
  return records;
}
