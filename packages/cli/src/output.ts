// How commands print: aligned human tables by default, machine JSON with --json. Commands hand over
// data and column choices; they never format text themselves, so both forms stay in step.

export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
}

export interface Output {
  json: boolean;
  /** A list page: a table (plus a "more" hint), or the page as JSON. */
  list<T>(page: { data: T[]; nextCursor: string | null }, columns: Column<T>[]): void;
  /** One object: "key  value" lines, or the object as JSON. */
  record(value: Record<string, unknown>, json?: unknown): void;
  /** A human sentence; in JSON mode the given JSON value is printed instead (nothing when absent). */
  message(text: string, json?: unknown): void;
  /** Diagnostics to stderr, in both modes. */
  error(text: string): void;
}

export interface Streams {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Columns padded to the widest cell; the last column is not padded, so lines carry no trailing blanks. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  return [line(headers), ...rows.map(line)].join('\n');
}

export function createOutput(json: boolean, streams: Streams = process): Output {
  const out = (text: string) => streams.stdout.write(`${text}\n`);
  const printJson = (value: unknown) => out(JSON.stringify(value, null, 2));
  return {
    json,
    list(page, columns) {
      if (json) return void printJson(page);
      if (page.data.length === 0) return void out('(none)');
      const rows = page.data.map((row) => columns.map((c) => cell(c.value(row))));
      out(
        formatTable(
          columns.map((c) => c.header),
          rows,
        ),
      );
      if (page.nextCursor) out(`\nMore: repeat with --cursor ${page.nextCursor}`);
    },
    record(value, asJson = value) {
      if (json) return void printJson(asJson);
      const width = Math.max(...Object.keys(value).map((k) => k.length));
      for (const [key, v] of Object.entries(value)) out(`${key.padEnd(width)}  ${cell(v)}`);
    },
    message(text, asJson) {
      if (!json) out(text);
      else if (asJson !== undefined) printJson(asJson);
    },
    error(text) {
      streams.stderr.write(`${text}\n`);
    },
  };
}
