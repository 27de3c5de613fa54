// Streaming parser for the documented Licentia usage CSV format (see README.md in this folder).
import { type CsvRecord, createCsvRecordReader } from './csv-records.ts';
import { createOccurrenceCounter, USAGE_KINDS, type UsageEvent, type UsageKind } from './usage-event.ts';

/** The columns of the format, in the order the header must list them. */
export const USAGE_CSV_COLUMNS = [
  'time',
  'kind',
  'feature',
  'user',
  'host',
  'count',
  'server',
  'version',
] as const;

/** One parser output: an event or a skipped record with its line and reason. */
export type UsageCsvItem =
  | { type: 'event'; event: UsageEvent }
  | { type: 'skip'; line: number; reason: string };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Creates a parser for the usage CSV format:
 * - UTF-8, RFC 4180 (comma separator, "double quotes" around fields with commas, quotes or line
 *   breaks, a quote inside a quoted field doubled); CRLF or LF; an optional byte-order mark.
 * - First record is the header, exactly `time,kind,feature,user,host,count,server,version`.
 * - `time`: ISO 8601 with seconds optional and a mandatory offset or Z (2024-05-01T09:30:00+02:00).
 * - `kind`: OUT, IN, DENIED, UNSUPPORTED, QUEUED, DEQUEUED or EXPIRED. `feature`, `user`, `host`: required.
 * - `count`: positive integer, empty = 1. `server`: empty = the import's server. `version`: optional.
 * - Blank lines are ignored; any other record that breaks a rule is skipped with its line and reason.
 * @example
 * const p = createUsageCsvParser({ server: 'lic1' });
 * p.push('time,kind,feature,user,host,count,server,version');
 * p.push('2024-05-01T09:30:00Z,OUT,MATLAB,jdoe,pc1,,,'); // [{ type: 'event', event: { kind: 'OUT', … } }]
 */
export function createUsageCsvParser(options: { server: string }): {
  push(line: string): UsageCsvItem[];
  end(): UsageCsvItem[];
} {
  const reader = createCsvRecordReader();
  const counter = createOccurrenceCounter();
  let header: 'missing' | 'ok' | 'bad' = 'missing';
  let rawLines: string[] = [];

  const toItem = (record: CsvRecord): UsageCsvItem | undefined => {
    if ('error' in record) return { type: 'skip', line: record.line, reason: record.error };
    const fields = record.fields;
    if (header === 'missing') {
      const names = fields.map((f) =>
        f
          .trim()
          .replace(/^\uFEFF/, '')
          .toLowerCase(),
      );
      header = names.join(',') === USAGE_CSV_COLUMNS.join(',') ? 'ok' : 'bad';
      if (header === 'ok') return undefined;
      return { type: 'skip', line: record.line, reason: `header must be ${USAGE_CSV_COLUMNS.join(',')}` };
    }
    if (header === 'bad') return { type: 'skip', line: record.line, reason: 'no valid header' };
    if (fields.length === 1 && fields[0]!.trim() === '') return undefined;
    const reason = (r: string): UsageCsvItem => ({ type: 'skip', line: record.line, reason: r });
    if (fields.length !== USAGE_CSV_COLUMNS.length) {
      return reason(`${fields.length} fields, expected ${USAGE_CSV_COLUMNS.length}`);
    }
    const [time, kind, feature, user, host, count, server, version] = fields.map((f) => f.trim()) as string[];
    if (!ISO_TIME.test(time!) || Number.isNaN(Date.parse(time!))) return reason(`invalid time "${time}"`);
    if (!USAGE_KINDS.includes(kind as UsageKind)) return reason(`unknown kind "${kind}"`);
    if (!feature || !user || !host) return reason('feature, user and host are required');
    if (count !== '' && !/^[1-9]\d*$/.test(count!)) return reason(`invalid count "${count}"`);
    const base = {
      kind: kind as UsageKind,
      at: new Date(Date.parse(time!)),
      server: server || options.server,
      daemon: '',
      feature,
      user,
      host,
      count: count ? Number(count) : 1,
      ...(version ? { version } : {}),
    };
    const occurrence = counter.next(base, 0);
    const event: UsageEvent = {
      ...base,
      dateSource: 'explicit',
      occurrence,
      line: record.line,
      raw: rawLines.join('\n'),
    };
    return { type: 'event', event };
  };

  const collect = (records: CsvRecord[]): UsageCsvItem[] => {
    const items: UsageCsvItem[] = [];
    for (const record of records) {
      const item = toItem(record);
      if (item) items.push(item);
    }
    if (records.length > 0) rawLines = [];
    return items;
  };

  return {
    push: (line) => {
      rawLines.push(line);
      return collect(reader.push(line));
    },
    end: () => collect(reader.end()),
  };
}
