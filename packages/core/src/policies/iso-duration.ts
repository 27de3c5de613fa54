// ISO 8601 durations (P1Y, P30D, PT12H): parsing, checking and adding them to instants in UTC.
import { DateTime, Duration } from 'luxon';
import { AppError } from '../errors/app-error.ts';

/**
 * The duration as luxon reads it, or null when `iso` is not a positive ISO 8601 duration
 * (zero and negative durations are refused: a license cannot last "P0D" or "-P1Y").
 * @example parseIsoDuration('P1Y')?.as('days') // 365
 */
export function parseIsoDuration(iso: unknown): Duration | null {
  if (typeof iso !== 'string' || iso.length > 64) return null;
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) return null;
  const parts = Object.values(duration.toObject());
  if (parts.some((n) => n < 0) || !parts.some((n) => n > 0)) return null;
  return duration;
}

/**
 * True for a positive ISO 8601 duration.
 * @example isIsoDuration('P30D') // true
 * @example isIsoDuration('30 days') // false
 */
export function isIsoDuration(iso: unknown): iso is string {
  return parseIsoDuration(iso) !== null;
}

/**
 * `date` plus the ISO 8601 duration, computed on the UTC calendar: P1M from 31 January is the last
 * day of February, P1Y from 29 February 2024 is 28 February 2025. Throws INVALID_FIELD for a
 * duration that {@link isIsoDuration} refuses (validate policy inputs first).
 * @example addIsoDuration(new Date('2025-01-31T00:00:00Z'), 'P1M') // 2025-02-28T00:00:00Z
 */
export function addIsoDuration(date: Date, iso: string): Date {
  const duration = parseIsoDuration(iso);
  if (duration === null) throw new AppError('INVALID_FIELD', `not a positive ISO 8601 duration: ${iso}`);
  return DateTime.fromJSDate(date, { zone: 'utc' }).plus(duration).toJSDate();
}
