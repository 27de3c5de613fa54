// Streaming parser for FlexNet (lmgrd / vendor daemon) debug logs: one line in, zero or more items out.
import { FlexnetClock } from './flexnet-clock.ts';
import { classifyFlexnetLine, type DateAnchor, dateAnchorOf, usageKindOf } from './flexnet-line.ts';
import type {
  FlexnetDebugParser,
  FlexnetDebugParserOptions,
  FlexnetItem,
  FlexnetStats,
  PendingUsage,
} from './flexnet-parser-types.ts';
import { parseUsageBody } from './flexnet-usage-body.ts';
import { assertZone, dayNumber, formatUsDay, parseIsoDay } from './local-time.ts';
import { createOccurrenceCounter } from './usage-event.ts';

const MAX_RECORD_CHARS = 65_536;

/**
 * Creates a debug-log parser. Lines without a "H:MM:SS (daemon)" prefix continue the previous line
 * (so each line is emitted one push later); usage lines before the first date anchor are held and
 * dated backwards from that anchor (counting rollovers), or skipped with 'no date anchor' at the end.
 * @example
 * const p = createFlexnetDebugParser({ server: 'lic1', timeZone: 'Europe/Madrid' });
 * [...p.push('9:00:00 (lmgrd) TIMESTAMP 6/9/2022'), ...p.push('9:01:00 (MLM) OUT: "MATLAB" jdoe@pc1'), ...p.end()];
 * // [{ type: 'event', event: { kind: 'OUT', at: 2022-06-09T07:01:00Z, dateSource: 'timestamp', … } }]
 */
export function createFlexnetDebugParser(options: FlexnetDebugParserOptions): FlexnetDebugParser {
  assertZone(options.timeZone);
  const initialDay =
    options.initialDate === undefined ? undefined : parseIsoDay(options.initialDate, 'initialDate');
  const clock = new FlexnetClock(options.timeZone, initialDay);
  const counter = createOccurrenceCounter();
  const maxPending = options.maxPendingLines ?? 10_000;
  const stats: FlexnetStats = { lines: 0, blank: 0, continuations: 0, informational: 0 };
  const pending: PendingUsage[] = [];
  let held: { line: number; parts: string[]; size: number } | undefined;

  const emit = (p: PendingUsage, day: number): FlexnetItem => {
    const { at, dateSource } = clock.resolve(p.seconds, day);
    const base = { kind: p.kind, at, server: options.server, daemon: p.daemon, ...p.body };
    const occurrence = counter.next(base, clock.segment);
    return { type: 'event', event: { ...base, dateSource, occurrence, line: p.line, raw: p.raw } };
  };

  const applyAnchor = (anchor: DateAnchor, line: number, out: FlexnetItem[]): void => {
    const day = dayNumber(anchor.year, anchor.month, anchor.day);
    const date = `${anchor.month}/${anchor.day}/${anchor.year}`;
    if (day === undefined) return void out.push({ type: 'warning', line, reason: `invalid date ${date}` });
    const previous = clock.day;
    const outcome = clock.anchor(day, anchor.source);
    if (outcome === 'first') {
      const base = day - clock.offset;
      for (const p of pending.splice(0)) out.push(emit(p, base + p.offset));
    } else if (outcome === 'backward') {
      const reason = `log goes back in time: ${anchor.source} date ${date} is before the current date ${formatUsDay(previous!)}; new segment ${clock.segment} (concatenated logs?)`;
      out.push({ type: 'warning', line, reason });
    }
  };

  const processRecord = (line: number, parts: string[]): FlexnetItem[] => {
    const text = parts.join('');
    const c = classifyFlexnetLine(text);
    if (c.type === 'untimed') {
      if (usageKindOf(text.trim()))
        return [{ type: 'skip', line, reason: 'usage line without a time prefix' }];
      stats.informational++;
      return [];
    }
    if (c.type === 'corrupt') {
      if (usageKindOf(c.body)) return [{ type: 'skip', line, reason: `corrupted time "${c.token}"` }];
      stats.informational++;
      return [];
    }
    const out: FlexnetItem[] = [];
    clock.tick(c.seconds);
    const anchor = dateAnchorOf(c.body);
    if (anchor) applyAnchor(anchor, line, out);
    const usage = usageKindOf(c.body);
    if (!usage) {
      if (!anchor) stats.informational++;
      return out;
    }
    const body = parseUsageBody(usage.kind, usage.rest);
    if (typeof body === 'string') return [...out, { type: 'skip', line, reason: body }];
    const raw = parts.join('\n');
    const p: PendingUsage = {
      line,
      raw,
      seconds: c.seconds,
      daemon: c.daemon,
      kind: usage.kind,
      body,
      offset: 0,
    };
    if (clock.day !== undefined) return [...out, emit(p, clock.day)];
    pending.push({ ...p, offset: clock.offset });
    const dropped = pending.length > maxPending ? pending.shift() : undefined;
    if (dropped)
      out.push({
        type: 'skip',
        line: dropped.line,
        reason: `no date anchor within ${maxPending} lines`,
      });
    return out;
  };

  return {
    stats,
    push(line) {
      stats.lines++;
      if (line.trim() === '') {
        stats.blank++;
        return [];
      }
      if (classifyFlexnetLine(line).type === 'untimed' && held && held.size < MAX_RECORD_CHARS) {
        stats.continuations++;
        held.parts.push(line);
        held.size += line.length;
        return [];
      }
      const out = held ? processRecord(held.line, held.parts) : [];
      held = { line: stats.lines, parts: [line], size: line.length };
      return out;
    },
    end() {
      const out = held ? processRecord(held.line, held.parts) : [];
      held = undefined;
      for (const p of pending.splice(0)) out.push({ type: 'skip', line: p.line, reason: 'no date anchor' });
      return out;
    },
  };
}

/**
 * Parses an async (or sync) stream of lines, yielding items as they are known.
 * @example
 * for await (const item of parseFlexnetDebugLog(linesOf(chunks), { server: 'lic1', timeZone: 'UTC' })) …
 */
export async function* parseFlexnetDebugLog(
  lines: AsyncIterable<string> | Iterable<string>,
  options: FlexnetDebugParserOptions,
): AsyncGenerator<FlexnetItem> {
  const parser = createFlexnetDebugParser(options);
  for await (const line of lines) yield* parser.push(line);
  yield* parser.end();
}
