// Civil dates as day numbers and the conversion of a license server's local wall-clock time to UTC.
import { DateTime, IANAZone } from 'luxon';
import { AppError } from '../errors/app-error.ts';

const DAY_MS = 86_400_000;

/**
 * The day number (days since 1970-01-01) of a calendar date, or undefined when the date does not exist.
 * @example
 * dayNumber(2022, 6, 9); // 19152
 */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return ms / DAY_MS;
}

/**
 * The calendar date of a day number.
 * @example
 * civilDate(19152); // { year: 2022, month: 6, day: 9 }
 */
export function civilDate(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Throws INVALID_FIELD (field `timezone`) unless `zone` is a valid IANA zone name.
 * @example
 * assertZone('Europe/Madrid');
 */
export function assertZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) {
    throw new AppError('INVALID_FIELD', `Unknown IANA time zone "${zone}"`, { field: 'timezone' });
  }
}

/** How a local time that happens twice (the hour repeated when DST ends) is resolved. */
export type Fold = 'earlier' | 'later';

/** Converts a local wall-clock time on a day number to UTC (see {@link createZoneConverter}). */
export type ZoneConverter = (
  day: number,
  secondsOfDay: number,
  fold?: Fold,
) => { at: Date; ambiguous: boolean };

/**
 * A converter from local wall-clock time in `zone` to UTC. A time inside a DST gap (which the server
 * clock skipped) is moved forward by the gap, as luxon does; a time in the repeated hour takes the
 * earlier instant unless `fold` is 'later', and `ambiguous` tells the caller the hour was repeated.
 * Offsets are memoised per local hour when the hour has one offset (checked at its first and last
 * minute), otherwise per minute (zone rules change on minute boundaries); at most 4,096 entries.
 * @example
 * createZoneConverter('Europe/Madrid')(dayNumber(2022, 6, 9)!, 36000).at.toISOString(); // '2022-06-09T08:00:00.000Z'
 */
export function createZoneConverter(zone: string): ZoneConverter {
  const cache = new Map<number, { earlier: number; later: number }>();
  const lookup = (key: number, make: () => { earlier: number; later: number }) => {
    let entry = cache.get(key);
    if (!entry) {
      if (cache.size >= 4096) cache.clear();
      entry = make();
      cache.set(key, entry);
    }
    return entry;
  };
  return (day, secondsOfDay, fold = 'earlier') => {
    const hourStart = secondsOfDay - (secondsOfDay % 3600);
    let base = lookup(-(day * 24 + hourStart / 3600) - 1, () => {
      const first = minuteStart(day, hourStart, zone);
      const last = minuteStart(day, hourStart + 3540, zone);
      const uniform = last.earlier - first.earlier === 3_540_000 && last.later - first.later === 3_540_000;
      return uniform ? first : { earlier: Number.NaN, later: Number.NaN };
    });
    let offsetMs = (secondsOfDay - hourStart) * 1000;
    if (Number.isNaN(base.earlier)) {
      const minute = secondsOfDay - (secondsOfDay % 60);
      base = lookup(day * 1440 + minute / 60, () => minuteStart(day, minute, zone));
      offsetMs = (secondsOfDay % 60) * 1000;
    }
    const ms = (fold === 'later' ? base.later : base.earlier) + offsetMs;
    return { at: new Date(ms), ambiguous: base.earlier !== base.later };
  };
}

function minuteStart(day: number, secondsOfDay: number, zone: string): { earlier: number; later: number } {
  const { year, month, day: dom } = civilDate(day);
  const hour = Math.floor(secondsOfDay / 3600);
  const minute = Math.floor((secondsOfDay % 3600) / 60);
  const dt = DateTime.fromObject({ year, month, day: dom, hour, minute }, { zone });
  const options = dt.getPossibleOffsets().map((d) => d.toMillis());
  if (options.length < 2) return { earlier: dt.toMillis(), later: dt.toMillis() };
  return { earlier: Math.min(...options), later: Math.max(...options) };
}

/**
 * The day number of a 'YYYY-MM-DD' string; throws INVALID_FIELD naming `field` when it is not a date.
 * @example
 * parseIsoDay('2022-06-09', 'initialDate'); // 19152
 */
export function parseIsoDay(text: string, field: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  if (day === undefined) throw new AppError('INVALID_FIELD', `Invalid date "${text}"`, { field });
  return day;
}

/**
 * A day number as the logs write dates (M/D/YYYY), for messages.
 * @example
 * formatUsDay(19152); // '6/9/2022'
 */
export function formatUsDay(day: number): string {
  const { year, month, day: dom } = civilDate(day);
  return `${month}/${dom}/${year}`;
}
