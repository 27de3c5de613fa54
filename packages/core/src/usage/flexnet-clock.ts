// Rebuilds calendar dates for time-only debug-log lines: anchors, midnight rollover, backward jumps, DST folds.
import { createZoneConverter, type Fold, type ZoneConverter } from './local-time.ts';
import type { DateSource } from './usage-event.ts';

/**
 * A drop of the time of day larger than this is a midnight rollover; a smaller drop is lines written
 * slightly out of order by two daemons, or the hour repeated when DST ends (at most 1 hour anywhere).
 */
export const ROLLOVER_MIN_DROP_SECONDS = 2 * 3600;

/** What an anchor did to the current date. */
export type AnchorOutcome = 'first' | 'same' | 'forward' | 'backward';

/**
 * Tracks the current date of a debug log. Before the first anchor the date is unknown and the clock
 * counts rollovers (`offset`) so buffered lines can be dated backwards once an anchor arrives.
 * A backward anchor starts a new `segment` (concatenated logs), never merged silently.
 * @example
 * const clock = new FlexnetClock('Europe/Madrid');
 * clock.tick(36000); clock.anchor(19152, 'timestamp'); clock.resolve(36000).at.toISOString(); // '2022-06-09T08:00:00.000Z'
 */
export class FlexnetClock {
  /** Current day number, undefined until the first anchor (or an explicit initial day). */
  day: number | undefined;
  source: DateSource;
  /** Rollovers seen while the day was still unknown. */
  offset = 0;
  segment = 0;
  private last: number | undefined;
  private fold = false;
  private readonly toUtc: ZoneConverter;

  constructor(zone: string, initialDay?: number) {
    this.toUtc = createZoneConverter(zone);
    this.day = initialDay;
    this.source = 'explicit';
  }

  /** Records the time of day of the next time-stamped line; detects midnight and the DST fold. */
  tick(seconds: number): void {
    if (this.last !== undefined && seconds < this.last) {
      if (this.last - seconds > ROLLOVER_MIN_DROP_SECONDS) {
        if (this.day === undefined) this.offset++;
        else this.day++;
        this.source = 'rollover';
        this.fold = false;
      } else {
        this.fold = true;
      }
    }
    this.last = seconds;
  }

  /** Applies a date written in the log (after `tick` of the same line). */
  anchor(day: number, source: DateSource): AnchorOutcome {
    const previous = this.day;
    this.day = day;
    this.source = source;
    if (previous === undefined) return 'first';
    if (day === previous) return 'same';
    if (day > previous) return 'forward';
    this.segment++;
    this.fold = false;
    return 'backward';
  }

  /** UTC instant and date source of a line at `seconds` on the current day (or `day` when given). */
  resolve(seconds: number, day = this.day): { at: Date; dateSource: DateSource } {
    const fold: Fold = this.fold ? 'later' : 'earlier';
    const { at, ambiguous } = this.toUtc(day!, seconds, fold);
    if (!ambiguous) this.fold = false;
    return { at, dateSource: this.source };
  }
}
