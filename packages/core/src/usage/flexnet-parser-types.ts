// Types of the FlexNet debug-log parser: options, output items, line statistics.
import type { UsageBody } from './flexnet-usage-body.ts';
import type { UsageEvent, UsageKind } from './usage-event.ts';

/** Options of {@link createFlexnetDebugParser}. */
export interface FlexnetDebugParserOptions {
  /** The license server the log belongs to (part of every event and its key). */
  server: string;
  /** IANA zone of the license server's clock, e.g. 'Europe/Madrid'. */
  timeZone: string;
  /** 'YYYY-MM-DD' of the first line, for logs that start without an anchor (dateSource 'explicit'). */
  initialDate?: string;
  /** Usage lines held while waiting for the first anchor; older ones are skipped. Default 10,000. */
  maxPendingLines?: number;
}

/** One parser output: an event, a skipped usage line with its reason, or a warning (e.g. a backward jump). */
export type FlexnetItem =
  | { type: 'event'; event: UsageEvent }
  | { type: 'skip'; line: number; reason: string }
  | { type: 'warning'; line: number; reason: string };

/** Line counts for the import report; informational lines are ignored silently but counted. */
export interface FlexnetStats {
  lines: number;
  blank: number;
  continuations: number;
  informational: number;
}

/** A push-style parser: constant memory except for the bounded pre-anchor buffer. */
export interface FlexnetDebugParser {
  push(line: string): FlexnetItem[];
  end(): FlexnetItem[];
  readonly stats: FlexnetStats;
}

/** A parsed usage line waiting for its date (internal to the parser). */
export interface PendingUsage {
  line: number;
  raw: string;
  seconds: number;
  daemon: string;
  kind: UsageKind;
  body: UsageBody;
  offset: number;
}
