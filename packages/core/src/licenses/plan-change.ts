// A mid-term amendment (upgrade, downgrade or seat change): checks, the new limits and the proration quote.
import type { Policy } from '../policies/policy-types.ts';
import { currentBillingTerm } from './billing-term.ts';
import { effectiveTerms } from './effective-terms.ts';
import type { License, LicenseOverrides } from './license-types.ts';
import { prorateChange } from './proration.ts';

export type AmendmentKind = 'UPGRADE' | 'DOWNGRADE' | 'SEAT_CHANGE';

/** Which limit "seats" means: users when the terms count users only, machines otherwise. */
export type SeatLimit = 'maxMachines' | 'maxUsers';

export interface PlanChange {
  kind: AmendmentKind;
  toPolicyId: string;
  seatLimit: SeatLimit;
  fromSeats: number;
  toSeats: number;
  /** The license's overrides after the change (the seat override set when seats change). */
  overrides: LicenseOverrides;
  creditCents: number;
  chargeCents: number;
  netCents: number;
  /** The amended term: from the change to the end of the current billing period; null when unbilled. */
  termStart: Date;
  termEnd: Date | null;
}

export type PlanChangeResult =
  | { ok: true; change: PlanChange }
  | {
      ok: false;
      code: 'REVOKED' | 'TRIAL' | 'OTHER_PRODUCT' | 'MODEL_CHANGE' | 'NO_CHANGE' | 'OUTSIDE_TERM';
      detail: string;
    };

/**
 * Quote changing `license` from `current` to `target` (the same policy for a seat change) with
 * `seats` (default: unchanged). Seats count the limit the terms sell: `maxUsers` when only users
 * are limited, else `maxMachines`; an unlimited seat count counts as 1 for pricing. Proration runs
 * over the billing period containing `now` (`billingPeriodIso`, else `durationIso`); an unpriced or
 * unbilled license is quoted at zero. Trials convert instead (see convertTrial); the model stays.
 * UPGRADE when the new period price (price × seats) is at least the old one, else DOWNGRADE.
 * @example quotePlanChange(license, basic, pro, undefined, day(100)) // → { ok: true, change: { kind: 'UPGRADE', netCents: 26_500, … } }
 */
export function quotePlanChange(
  license: License,
  current: Policy,
  target: Policy,
  seats: number | undefined,
  now: Date,
): PlanChangeResult {
  if (license.status === 'REVOKED') return refuse('REVOKED', 'a revoked license cannot be amended');
  if (license.model === 'TRIAL') return refuse('TRIAL', 'convert a trial instead of amending it');
  if (target.productId !== license.productId)
    return refuse('OTHER_PRODUCT', 'the policy belongs to another product');
  if (target.model !== license.model) {
    return refuse(
      'MODEL_CHANGE',
      `an amendment keeps the ${license.model} model; issue a new license instead`,
    );
  }
  const before = effectiveTerms(current, license);
  const seatLimit: SeatLimit =
    before.maxMachines === null && before.maxUsers !== null ? 'maxUsers' : 'maxMachines';
  const fromSeats = before[seatLimit] ?? 1;
  const toSeats = seats ?? fromSeats;
  const overrides =
    seats === undefined ? { ...license.overrides } : { ...license.overrides, [seatLimit]: seats };
  if (target.id === current.id && toSeats === fromSeats)
    return refuse('NO_CHANGE', 'neither the policy nor the seats change');

  const periodIso = current.billingPeriodIso ?? current.durationIso;
  const priced = current.priceCents !== null || target.priceCents !== null;
  const term = periodIso === null ? null : currentBillingTerm(license, periodIso, now);
  if (priced && periodIso !== null && term === null)
    return refuse('OUTSIDE_TERM', 'the license is not inside a paid term');
  const p =
    priced && term !== null
      ? prorateChange({
          oldPriceCents: current.priceCents ?? 0,
          newPriceCents: target.priceCents ?? 0,
          periodStart: term.start,
          periodEnd: term.end,
          changeAt: now,
          oldSeats: fromSeats,
          newSeats: toSeats,
        })
      : { creditCents: 0, chargeCents: 0, netCents: 0 };
  const kind: AmendmentKind =
    target.id === current.id
      ? 'SEAT_CHANGE'
      : (target.priceCents ?? 0) * toSeats >= (current.priceCents ?? 0) * fromSeats
        ? 'UPGRADE'
        : 'DOWNGRADE';
  return {
    ok: true,
    change: {
      kind,
      toPolicyId: target.id,
      seatLimit,
      fromSeats,
      toSeats,
      overrides,
      creditCents: p.creditCents,
      chargeCents: p.chargeCents,
      netCents: p.netCents,
      termStart: now,
      termEnd: term?.end ?? license.expiresAt,
    },
  };
}

function refuse(code: Extract<PlanChangeResult, { ok: false }>['code'], detail: string): PlanChangeResult {
  return { ok: false, code, detail };
}
