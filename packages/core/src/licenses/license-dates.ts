// The dates a license gets at issue, and a trial's expiry once it starts.
import { addIsoDuration } from '../policies/iso-duration.ts';
import type { Policy } from '../policies/policy-types.ts';

/** startsAt, expiresAt and maintenanceEndsAt of a newly issued license. */
export interface LicenseDates {
  startsAt: Date;
  expiresAt: Date | null;
  maintenanceEndsAt: Date | null;
}

/**
 * Dates at issue: the term runs from `startsAt` (default: `now`) for the policy's duration;
 * maintenance runs for its own duration from the same start. A FIRST_ACTIVATION trial gets no
 * expiry yet (see {@link trialExpiry}).
 * @example initialLicenseDates(yearlyPolicy, new Date('2025-01-01T00:00:00Z')).expiresAt // 2026-01-01T00:00:00Z
 */
export function initialLicenseDates(
  policy: Pick<Policy, 'model' | 'durationIso' | 'maintenanceDurationIso' | 'trialStartsAt'>,
  now: Date,
  startsAt: Date = now,
): LicenseDates {
  const deferred = policy.model === 'TRIAL' && policy.trialStartsAt === 'FIRST_ACTIVATION';
  return {
    startsAt,
    expiresAt: policy.durationIso === null || deferred ? null : addIsoDuration(startsAt, policy.durationIso),
    maintenanceEndsAt:
      policy.maintenanceDurationIso === null ? null : addIsoDuration(startsAt, policy.maintenanceDurationIso),
  };
}

/**
 * What a trial license gets when a machine activates: for a FIRST_ACTIVATION trial not started yet,
 * `trialActivatedAt = now` and `expiresAt = now + duration`; otherwise null (nothing changes, so a
 * second activation never extends a trial).
 * @example trialExpiry({ trialActivatedAt: null }, { model: 'TRIAL', trialStartsAt: 'FIRST_ACTIVATION', durationIso: 'P14D' }, now)
 * // → { trialActivatedAt: now, expiresAt: now + 14 days }
 */
export function trialExpiry(
  license: { trialActivatedAt: Date | null },
  policy: Pick<Policy, 'model' | 'trialStartsAt' | 'durationIso'>,
  now: Date,
): { trialActivatedAt: Date; expiresAt: Date } | null {
  if (policy.model !== 'TRIAL' || policy.trialStartsAt !== 'FIRST_ACTIVATION') return null;
  if (license.trialActivatedAt !== null || policy.durationIso === null) return null;
  return { trialActivatedAt: now, expiresAt: addIsoDuration(now, policy.durationIso) };
}
