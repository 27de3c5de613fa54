// Test helper: runs the FlexNet debug parser over lines and sorts its output into events, skips and warnings.
import { createFlexnetDebugParser } from './flexnet-debug-parser.ts';
import type { FlexnetDebugParserOptions, FlexnetItem, FlexnetStats } from './flexnet-parser-types.ts';
import { splitLines } from './line-splitter.ts';
import type { SkippedLine, UsageEvent } from './usage-event.ts';

/** Everything one parse produced, gathered for assertions. */
export interface FlexnetRun {
  events: UsageEvent[];
  skipped: SkippedLine[];
  warnings: SkippedLine[];
  stats: FlexnetStats;
}

/**
 * Parses a whole text (split with the pure splitter) and gathers the items.
 * @example
 * const run = runFlexnet('9:00:00 (lmgrd) TIMESTAMP 6/9/2022\n', { timeZone: 'UTC' });
 */
export function runFlexnet(text: string, options: Partial<FlexnetDebugParserOptions> = {}): FlexnetRun {
  const parser = createFlexnetDebugParser({ server: 'lic1', timeZone: 'UTC', ...options });
  const items: FlexnetItem[] = [];
  for (const line of splitLines(text)) items.push(...parser.push(line));
  items.push(...parser.end());
  const run: FlexnetRun = { events: [], skipped: [], warnings: [], stats: parser.stats };
  for (const item of items) {
    if (item.type === 'event') run.events.push(item.event);
    else if (item.type === 'skip') run.skipped.push({ line: item.line, reason: item.reason });
    else run.warnings.push({ line: item.line, reason: item.reason });
  }
  return run;
}

/**
 * ISO strings of the events' instants, for compact assertions.
 * @example
 * isoTimes(run.events); // ['2022-06-09T09:01:00.000Z']
 */
export function isoTimes(events: UsageEvent[]): string[] {
  return events.map((e) => e.at.toISOString());
}
