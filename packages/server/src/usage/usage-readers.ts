// One push-style reader per import format, all yielding the same items: an event with its identity
// (what its dedupe key is made of), a skipped line, or a warning. The core parsers do the reading.
import {
  createFlexnetDebugParser,
  createLmstatParser,
  createUsageCsvParser,
  eventKey,
  type LmstatSnapshot,
  type UsageEvent,
} from '@licentia/core';

export const USAGE_FORMATS = ['flexnet-debug', 'lmstat', 'csv'] as const;
export type UsageFormat = (typeof USAGE_FORMATS)[number];

export type ReaderItem =
  | { type: 'event'; event: UsageEvent; identity: string }
  | { type: 'skip' | 'warning'; line: number; reason: string };

export interface UsageReader {
  push(line: string): ReaderItem[];
  end(): ReaderItem[];
  /** lmstat only, after end(): the snapshot (server status, versions). */
  snapshot?: LmstatSnapshot;
}

export interface ReaderOptions {
  /** The license server's id: part of every identity, so renaming a server changes nothing. */
  serverId: string;
  /** Its name: what a CSV row's empty `server` column stands for. */
  serverName: string;
  timeZone: string;
  /** When an lmstat output without a header date was taken. */
  observedAt: Date;
}

const withIdentity = (event: UsageEvent): ReaderItem => ({ type: 'event', event, identity: eventKey(event) });

/**
 * Creates the reader of a format. Time zones are checked here (INVALID_FIELD `timezone`).
 * @example
 * const r = createUsageReader('flexnet-debug', { serverId, serverName: 'lic1', timeZone: 'UTC', observedAt });
 */
export function createUsageReader(format: UsageFormat, options: ReaderOptions): UsageReader {
  if (format === 'flexnet-debug') {
    const parser = createFlexnetDebugParser({ server: options.serverId, timeZone: options.timeZone });
    const map = (items: ReturnType<typeof parser.push>): ReaderItem[] =>
      items.map((item) => (item.type === 'event' ? withIdentity(item.event) : item));
    return { push: (line) => map(parser.push(line)), end: () => map(parser.end()) };
  }
  if (format === 'csv') {
    const parser = createUsageCsvParser({ server: options.serverName });
    // A row naming the import's server (or none) is keyed by the server's id, like the other formats.
    const same = options.serverName.toLowerCase();
    const map = (items: ReturnType<typeof parser.push>): ReaderItem[] =>
      items.map((item) => {
        if (item.type !== 'event') return item;
        const server =
          item.event.server.toLowerCase() === same ? options.serverId : `name:${item.event.server}`;
        return { type: 'event', event: item.event, identity: eventKey({ ...item.event, server }) };
      });
    return { push: (line) => map(parser.push(line)), end: () => map(parser.end()) };
  }
  return createLmstatReader(options);
}

/**
 * lmstat: every holder is an OUT at its start time, keyed by its handle, so the same checkout seen in
 * snapshot after snapshot is stored once; a queued request is a QUEUED event keyed by handle and day.
 */
function createLmstatReader(options: ReaderOptions): UsageReader {
  const parser = createLmstatParser({ timeZone: options.timeZone, observedAt: options.observedAt });
  const reader: UsageReader = {
    push(line) {
      parser.push(line);
      return [];
    },
    end() {
      const snapshot = parser.end();
      reader.snapshot = snapshot;
      const items: ReaderItem[] = snapshot.skipped.map((s) => ({ type: 'skip' as const, ...s }));
      for (const f of snapshot.features) {
        const base = { server: options.serverId, daemon: f.vendor ?? '', feature: f.feature, raw: '' };
        for (const h of f.holders) {
          const event: UsageEvent = {
            ...base,
            kind: 'OUT',
            at: h.startedAt,
            dateSource: 'explicit',
            version: h.version,
            user: h.user,
            host: h.host,
            count: h.count,
            occurrence: h.handle,
            line: h.line,
          };
          items.push(withIdentity(event));
        }
        for (const q of f.queued) {
          const at = snapshot.takenAt;
          if (!at) {
            items.push({ type: 'skip', line: q.line, reason: 'queued request without a snapshot date' });
            continue;
          }
          const event: UsageEvent = {
            ...base,
            kind: 'QUEUED',
            at,
            dateSource: 'explicit',
            version: q.version,
            user: q.user,
            host: q.host,
            count: q.count,
            occurrence: q.handle,
            line: q.line,
          };
          const day = at.toISOString().slice(0, 10);
          const identity = JSON.stringify([
            'queued',
            options.serverId,
            f.feature,
            q.user,
            q.host,
            q.handle,
            day,
          ]);
          items.push({ type: 'event', event, identity });
        }
      }
      items.sort((a, b) => lineOf(a) - lineOf(b));
      return items;
    },
  };
  return reader;
}

const lineOf = (item: ReaderItem) => (item.type === 'event' ? item.event.line : item.line);
