// Classifies one FlexNet debug-log line: time prefix and daemon, corrupted time, date anchors, usage kind.
import type { DateSource, UsageKind } from './usage-event.ts';

/** A line as the debug-log parser sees it before any date is known. */
export type FlexnetLine =
  | { type: 'timed'; seconds: number; daemon: string; body: string }
  | { type: 'corrupt'; token: string; daemon: string; body: string }
  | { type: 'untimed' };

/** A calendar date written in the log, and which kind of line wrote it. */
export interface DateAnchor {
  year: number;
  month: number;
  day: number;
  source: Exclude<DateSource, 'rollover' | 'explicit'>;
}

const TIMED = /^\s*(\d{1,2}):(\d{2}):(\d{2}) \(([^()\s]+)\) ?(.*)$/;
const PREFIXED = /^\s*(\S{1,12}) \(([^()\s]+)\) ?(.*)$/;
const TIME_LIKE = /^\d|:/;
const USAGE = /^(OUT|IN|DENIED|UNSUPPORTED|QUEUED|DEQUEUED|EXPIRED): (.*)$/;
const TIMESTAMP = /^TIMESTAMP (\d{1,2})\/(\d{1,2})\/(\d{4})\b/;
const STARTUP = /\bstarted on .*\((\d{1,2})\/(\d{1,2})\/(\d{4})\)\s*$/;
const LONG_DATE =
  /\b(Start-Date|System Date and Time|Time): [A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) \d{1,2}:\d{2}:\d{2}\b/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Splits the "HH:MM:SS (daemon) " prefix off a line. A prefix whose time is malformed or out of
 * range is 'corrupt'; a line without any such prefix is 'untimed' (a continuation or stray text).
 * @example
 * classifyFlexnetLine(' 6:03:55 (MLM) OUT: "MATLAB" u@h'); // { type: 'timed', seconds: 21835, daemon: 'MLM', body: 'OUT: "MATLAB" u@h' }
 */
export function classifyFlexnetLine(text: string): FlexnetLine {
  const m = TIMED.exec(text);
  if (m) {
    const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (h < 24 && min < 60 && s < 60) {
      return { type: 'timed', seconds: h * 3600 + min * 60 + s, daemon: m[4]!, body: m[5]! };
    }
    return { type: 'corrupt', token: `${m[1]}:${m[2]}:${m[3]}`, daemon: m[4]!, body: m[5]! };
  }
  const p = PREFIXED.exec(text);
  if (p && TIME_LIKE.test(p[1]!)) return { type: 'corrupt', token: p[1]!, daemon: p[2]!, body: p[3]! };
  return { type: 'untimed' };
}

/**
 * The usage kind and the text after "KIND: " when a line body is a usage line.
 * @example
 * usageKindOf('DENIED: "f" u@h  (x)'); // { kind: 'DENIED', rest: '"f" u@h  (x)' }
 */
export function usageKindOf(body: string): { kind: UsageKind; rest: string } | undefined {
  const m = USAGE.exec(body);
  return m ? { kind: m[1] as UsageKind, rest: m[2]! } : undefined;
}

/**
 * The date a line body announces: `TIMESTAMP M/D/YYYY`, the lmgrd start-up line ending in
 * "(M/D/YYYY)", SLOG `Time: Thu Jun 09 2022 …`, `Start-Date: …` or "Server's System Date and Time: …".
 * @example
 * dateAnchorOf('TIMESTAMP 6/10/2022'); // { year: 2022, month: 6, day: 10, source: 'timestamp' }
 */
export function dateAnchorOf(body: string): DateAnchor | undefined {
  const t = TIMESTAMP.exec(body);
  if (t) return { year: Number(t[3]), month: Number(t[1]), day: Number(t[2]), source: 'timestamp' };
  const s = STARTUP.exec(body);
  if (s) return { year: Number(s[3]), month: Number(s[1]), day: Number(s[2]), source: 'startup' };
  const l = LONG_DATE.exec(body);
  if (l) {
    const month = MONTHS.indexOf(l[2]!) + 1;
    if (month === 0) return undefined;
    const source = l[1] === 'Time' ? 'timestamp' : 'startup';
    return { year: Number(l[4]), month, day: Number(l[3]), source };
  }
  return undefined;
}
