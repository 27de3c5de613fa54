// The billing period a mid-term change is prorated over: the one containing `now`, anchored at the license's dates.
import { DateTime } from 'luxon';
import { addIsoDuration, parseIsoDuration } from '../policies/iso-duration.ts';
import type { License } from './license-types.ts';

export interface BillingTerm {
  start: Date;
  end: Date;
}

/** More steps than any real license needs (a monthly license for 100 years is 1 200). */
const MAX_STEPS = 5_000;

/**
 * The billing period of length `periodIso` that contains `now`. An expiring license is anchored at
 * its expiry (periods step back from `expiresAt`, so renewals from NOW or from EXPIRY both keep the
 * anniversary the customer paid for); a non-expiring one at its start (periods step forward from
 * `startsAt`). Null when `now` is outside the license's paid span (not started, or expired) or the
 * duration is not valid: there is nothing left to prorate.
 * @example currentBillingTerm({ startsAt: jan1, expiresAt: jan1NextYear }, 'P1Y', jan1Plus100Days)
 * // → { start: jan1, end: jan1NextYear }
 */
export function currentBillingTerm(
  license: Pick<License, 'startsAt' | 'expiresAt'>,
  periodIso: string,
  now: Date,
): BillingTerm | null {
  const duration = parseIsoDuration(periodIso);
  if (duration === null || now < license.startsAt) return null;
  if (license.expiresAt !== null) {
    if (now >= license.expiresAt) return null;
    let end = license.expiresAt;
    for (let i = 0; i < MAX_STEPS; i++) {
      const start = DateTime.fromJSDate(end, { zone: 'utc' }).minus(duration).toJSDate();
      if (start <= now) return { start, end };
      end = start;
    }
    return null;
  }
  let start = license.startsAt;
  for (let i = 0; i < MAX_STEPS; i++) {
    const end = addIsoDuration(start, periodIso);
    if (now < end) return { start, end };
    start = end;
  }
  return null;
}
