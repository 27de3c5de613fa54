// The one usage-event model shared by every source (realtime, FlexNet logs, lmstat, CSV) and its idempotency key.

/** What happened to a license: checked out, checked in, refused, unknown feature, queued, dequeued, expired. */
export type UsageKind = 'OUT' | 'IN' | 'DENIED' | 'UNSUPPORTED' | 'QUEUED' | 'DEQUEUED' | 'EXPIRED';

/** Every usage kind, in display order. */
export const USAGE_KINDS: readonly UsageKind[] = [
  'OUT',
  'IN',
  'DENIED',
  'UNSUPPORTED',
  'QUEUED',
  'DEQUEUED',
  'EXPIRED',
];

/** Where the calendar date of `at` came from: a TIMESTAMP/SLOG line, a start-up line, an inferred midnight, or the source itself. */
export type DateSource = 'timestamp' | 'startup' | 'rollover' | 'explicit';

/**
 * One usage fact. `at` is UTC; `line` is the 1-based line number in the imported file and `raw` its text
 * (continuation lines joined with "\n"). `occurrence` numbers identical events within the same second
 * (1, 2, …) so that a retry storm keeps every line yet a re-import yields the same keys.
 * @example
 * const e: UsageEvent = { kind: 'OUT', at: new Date('2022-06-09T08:25:38Z'), dateSource: 'timestamp',
 *   server: 'lic1', daemon: 'MLM', feature: 'MATLAB', user: 'jdoe', host: 'pc1', count: 1,
 *   occurrence: 1, line: 12, raw: '10:25:38 (MLM) OUT: "MATLAB" jdoe@pc1' };
 */
export interface UsageEvent {
  kind: UsageKind;
  at: Date;
  dateSource: DateSource;
  server: string;
  daemon: string;
  feature: string;
  version?: string;
  user: string;
  host: string;
  count: number;
  /** Free-text reason of a DENIED/UNSUPPORTED/QUEUED line, e.g. "Licensed number of users already reached. (-4,342)". */
  reason?: string;
  /** FlexNet error code "major,minor" taken from the reason, e.g. "-4,342". */
  errorCode?: string;
  /** Why a license came back: 'INACTIVE' (timeout reclaim), 'SHUTDOWN', or another upper-case cause. */
  checkinCause?: string;
  /** The bracketed product of a token/package checkout, e.g. "MSCONE:NASTRAN". */
  product?: string;
  occurrence: number;
  line: number;
  raw: string;
}

/** A line that looked like usage but could not become an event (or a warning such as a backwards jump). */
export interface SkippedLine {
  line: number;
  reason: string;
}

function identity(event: Omit<UsageEvent, 'occurrence' | 'line' | 'raw' | 'dateSource'>): unknown[] {
  return [
    event.server,
    event.daemon,
    event.kind,
    event.at.toISOString(),
    event.feature,
    event.product ?? '',
    event.user,
    event.host,
    event.count,
  ];
}

/**
 * The deterministic identity of an event, to hash or index for idempotent imports: same file (or an
 * overlapping file) imported twice gives the same keys. Line numbers are deliberately not part of it.
 * @example
 * eventKey(e); // '["lic1","MLM","OUT","2022-06-09T08:25:38.000Z","MATLAB","","jdoe","pc1",1,1]'
 */
export function eventKey(event: UsageEvent): string {
  return JSON.stringify([...identity(event), event.occurrence]);
}

/**
 * Numbers identical events within one second. Memory is bounded by the events of one second: the
 * table is cleared whenever the second (or the log segment) changes.
 * @example
 * const counter = createOccurrenceCounter();
 * counter.next(event, 0); // 1, then 2 for an identical event in the same second
 */
export function createOccurrenceCounter(): {
  next(event: Omit<UsageEvent, 'occurrence' | 'line' | 'raw' | 'dateSource'>, segment: number): number;
} {
  let bucket = '';
  let seen = new Map<string, number>();
  return {
    next(event, segment) {
      const second = `${segment}|${Math.floor(event.at.getTime() / 1000)}`;
      if (second !== bucket) {
        bucket = second;
        seen = new Map();
      }
      const id = JSON.stringify(identity(event));
      const n = (seen.get(id) ?? 0) + 1;
      seen.set(id, n);
      return n;
    },
  };
}
