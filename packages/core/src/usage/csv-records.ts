// RFC 4180 record reading over lines: quoted fields, doubled quotes, and quoted line breaks spanning lines.

/** One record, with the line number it started on, or a reason it could not be read. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

const MAX_RECORD_CHARS = 65_536;

/**
 * Splits one complete record into fields; returns undefined while a quoted field is still open.
 * Throws nothing: a stray quote inside an unquoted field is kept as text.
 * @example
 * splitCsvRecord('a,"b,""c""",d'); // ['a', 'b,"c"', 'd']
 */
export function splitCsvRecord(text: string): string[] | undefined {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      atStart = true;
      continue;
    } else if (c === '"' && atStart) quoted = true;
    else field += c;
    atStart = false;
  }
  if (quoted) return undefined;
  fields.push(field);
  return fields;
}

/**
 * A push-style record reader: lines in, complete records out. A quoted field may contain line breaks
 * (the record then spans lines, joined with "\n"); a record longer than 64 KiB is reported unterminated.
 * @example
 * const r = createCsvRecordReader();
 * r.push('a,"x'); // []
 * r.push('y",b'); // [{ line: 1, fields: ['a', 'x\ny', 'b'] }]
 */
export function createCsvRecordReader(): { push(line: string): CsvRecord[]; end(): CsvRecord[] } {
  let lineNo = 0;
  let open: { line: number; text: string } | undefined;
  return {
    push(line) {
      lineNo++;
      const start = open ? open.line : lineNo;
      const text = open ? `${open.text}\n${line}` : line;
      const fields = splitCsvRecord(text);
      if (fields) {
        open = undefined;
        return [{ line: start, fields }];
      }
      if (text.length > MAX_RECORD_CHARS) {
        open = undefined;
        return [{ line: start, error: 'unterminated quoted field' }];
      }
      open = { line: start, text };
      return [];
    },
    end() {
      const rest = open;
      open = undefined;
      return rest ? [{ line: rest.line, error: 'unterminated quoted field' }] : [];
    },
  };
}
