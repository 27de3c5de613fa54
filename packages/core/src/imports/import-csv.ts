// Reads an import file (RFC 4180 CSV, the same record reader as the usage CSV) into rows keyed by
// the format's column names, each with the line it starts on; header problems are line-1 errors.
import { createCsvRecordReader } from '../usage/csv-records.ts';
import { IMPORT_FORMATS, type ImportKind, type ImportRowError } from './import-formats.ts';

/** One data record: trimmed values by lower-case column name (a missing optional column is absent). */
export interface CsvImportRow {
  line: number;
  values: Readonly<Record<string, string>>;
}

export interface CsvImportRead {
  /** Data records in the file, readable or not (the header and blank lines are not counted). */
  records: number;
  rows: CsvImportRow[];
  errors: ImportRowError[];
}

function checkHeader(kind: ImportKind, names: string[], line: number): ImportRowError[] {
  const format = IMPORT_FORMATS[kind];
  const known = new Set([...format.required, ...format.optional]);
  const errors: ImportRowError[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name)) {
      errors.push({
        line,
        field: name,
        reason: `unknown column "${name}"; expected ${[...known].join(', ')}`,
      });
    } else if (seen.has(name)) errors.push({ line, field: name, reason: `column "${name}" appears twice` });
    seen.add(name);
  }
  for (const name of format.required) {
    if (!seen.has(name)) errors.push({ line, field: name, reason: `missing column "${name}"` });
  }
  return errors;
}

/**
 * Splits the file into records (CRLF or LF, an optional byte-order mark, quoted fields may contain
 * commas, doubled quotes and line breaks), checks the header and maps each record to its columns.
 * Blank lines are ignored; a record with the wrong number of fields is an error of its line.
 * When the header is wrong, only its errors are returned (on the header's line).
 * @example
 * readImportCsv('groups', 'environment,name,user_license_type\nProd,Editors,USER\n');
 * // { records: 1, rows: [{ line: 2, values: { environment: 'Prod', name: 'Editors', user_license_type: 'USER' } }], errors: [] }
 */
export function readImportCsv(kind: ImportKind, text: string): CsvImportRead {
  const reader = createCsvRecordReader();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const rows: CsvImportRow[] = [];
  const errors: ImportRowError[] = [];
  let header: string[] | undefined;
  let headerErrors: ImportRowError[] = [];
  let records = 0;
  const take = (record: ReturnType<typeof reader.push>[number]) => {
    if ('error' in record) {
      if (header) records++;
      errors.push({ line: record.line, reason: record.error });
      return;
    }
    const { fields, line } = record;
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    if (!header) {
      header = fields.map((f) => f.trim().toLowerCase());
      headerErrors = checkHeader(kind, header, line);
      return;
    }
    records++;
    // PostgreSQL cannot store NUL in text: refuse the row here rather than fail the whole batch.
    if (fields.some((f) => f.includes('\u0000'))) {
      errors.push({ line, reason: 'contains a NUL character' });
      return;
    }
    if (fields.length !== header.length) {
      errors.push({
        line,
        reason: `${fields.length} fields, expected ${header.length} (${header.join(',')})`,
      });
      return;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => {
      values[name] = fields[i]!.trim();
    });
    rows.push({ line, values });
  };
  for (const line of lines) for (const record of reader.push(line)) take(record);
  for (const record of reader.end()) take(record);
  if (!header) {
    return {
      records: 0,
      rows: [],
      errors: [{ line: 1, reason: `the file is empty; the header must be ${describeHeader(kind)}` }],
    };
  }
  // With a wrong header no value can be trusted: report the header alone.
  return headerErrors.length > 0 ? { records, rows: [], errors: headerErrors } : { records, rows, errors };
}

/** The header a format expects, for messages: required columns, then optional ones in brackets. */
export function describeHeader(kind: ImportKind): string {
  const { required, optional } = IMPORT_FORMATS[kind];
  return [...required, ...optional.map((o) => `[${o}]`)].join(',');
}
