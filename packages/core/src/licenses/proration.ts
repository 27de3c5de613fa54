// Mid-term plan and seat changes: day-based credit for the old plan, charge for the new one.
import { AppError } from '../errors/app-error.ts';

export interface ProrationInput {
  /** Price of the whole current period per seat, in cents. */
  oldPriceCents: number;
  /** Price of a whole period per seat on the new plan, in cents. */
  newPriceCents: number;
  periodStart: Date;
  periodEnd: Date;
  changeAt: Date;
  /** Seats before the change; default 1. */
  oldSeats?: number;
  /** Seats after the change; default `oldSeats`. */
  newSeats?: number;
}

export interface Proration {
  /** Unused part of the old plan given back. */
  creditCents: number;
  /** Remaining part of the period on the new plan. */
  chargeCents: number;
  /** chargeCents − creditCents: positive = the customer pays, negative = the customer is credited. */
  netCents: number;
  /** The amended term keeps the billing anniversary: it runs from the change to the old period end. */
  newTermStart: Date;
  newTermEnd: Date;
  remainingDays: number;
  periodDays: number;
}

const DAY_MS = 86_400_000;

/**
 * Prorate a change by whole UTC days. The period has `periodDays` calendar days; the change day
 * and every day after it are "remaining" (a change on day 100 of 365 — 100 days after the start —
 * leaves 265). credit = old price × old seats × remaining ÷ period days, charge likewise with the
 * new price and seats, each rounded to whole cents half-to-even (banker's rounding: no systematic
 * drift in either party's favour over many amendments). Bad input throws INVALID_FIELD.
 * @example
 * prorateChange({ oldPriceCents: 36_500, newPriceCents: 73_000, periodStart: jan1, periodEnd: jan1NextYear, changeAt: jan1Plus100Days })
 * // → { creditCents: 26_500, chargeCents: 53_000, netCents: 26_500, remainingDays: 265, periodDays: 365, … }
 */
export function prorateChange(input: ProrationInput): Proration {
  const oldSeats = input.oldSeats ?? 1;
  const newSeats = input.newSeats ?? oldSeats;
  requireInt('oldPriceCents', input.oldPriceCents, 0);
  requireInt('newPriceCents', input.newPriceCents, 0);
  requireInt('oldSeats', oldSeats, 1);
  requireInt('newSeats', newSeats, 1);
  const periodDays = utcDay(input.periodEnd) - utcDay(input.periodStart);
  if (!(periodDays > 0))
    throw new AppError('INVALID_FIELD', 'periodEnd must be at least a day after periodStart', {
      field: 'periodEnd',
    });
  const remainingDays = utcDay(input.periodEnd) - utcDay(input.changeAt);
  if (!(remainingDays > 0 && remainingDays <= periodDays)) {
    throw new AppError('INVALID_FIELD', 'changeAt must fall inside the period', { field: 'changeAt' });
  }
  const creditCents = share(input.oldPriceCents * oldSeats, remainingDays, periodDays);
  const chargeCents = share(input.newPriceCents * newSeats, remainingDays, periodDays);
  return {
    creditCents,
    chargeCents,
    netCents: chargeCents - creditCents,
    newTermStart: input.changeAt,
    newTermEnd: input.periodEnd,
    remainingDays,
    periodDays,
  };
}

/**
 * `amount × part ÷ whole` rounded half-to-even, exactly (BigInt, so no float error at any size).
 * @example roundedShare(1, 1, 2) // 0 (0.5 rounds to even)
 */
export function roundedShare(amount: number, part: number, whole: number): number {
  return share(amount, part, whole);
}

function share(amount: number, part: number, whole: number): number {
  const numerator = BigInt(amount) * BigInt(part);
  const denominator = BigInt(whole);
  const quotient = numerator / denominator;
  const twiceRemainder = (numerator % denominator) * 2n;
  const roundUp = twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n);
  return Number(roundUp ? quotient + 1n : quotient);
}

function utcDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

function requireInt(field: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new AppError('INVALID_FIELD', `${field} must be an integer ≥ ${min}`, { field });
  }
}
