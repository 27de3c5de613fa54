// Renewal of a subscription: a new expiry from now or from the current expiry, per the policy.
import { addIsoDuration } from '../policies/iso-duration.ts';
import type { Policy } from '../policies/policy-types.ts';
import type { License } from './license-types.ts';

export type RenewalResult =
  | { ok: true; expiresAt: Date; previousExpiresAt: Date | null }
  | { ok: false; code: 'NOT_RENEWABLE' | 'REVOKED'; detail: string };

/**
 * The new `expiresAt` of a renewed SUBSCRIPTION. With `renewFrom: EXPIRY` the term extends from the
 * current expiry (renewing early loses nothing; renewing late pays for the lapsed days); with
 * `NOW` it runs from `now`. A license without expiry renews from `now`. Revoked licenses and other
 * models are refused as data. Suspension is left alone: renewing does not reinstate.
 * @example
 * // license: an ACTIVE SUBSCRIPTION expiring 2025-06-01
 * renewLicense(license, { durationIso: 'P1Y', renewFrom: 'EXPIRY' }, new Date('2025-05-01T00:00:00Z'))
 * // → { ok: true, expiresAt: 2026-06-01, previousExpiresAt: 2025-06-01 }
 */
export function renewLicense(
  license: Pick<License, 'status' | 'model' | 'expiresAt'>,
  policy: Pick<Policy, 'durationIso' | 'renewFrom'>,
  now: Date,
): RenewalResult {
  if (license.status === 'REVOKED')
    return { ok: false, code: 'REVOKED', detail: 'a revoked license cannot be renewed' };
  if (license.model !== 'SUBSCRIPTION' || policy.durationIso === null) {
    return { ok: false, code: 'NOT_RENEWABLE', detail: `a ${license.model} license is not renewed` };
  }
  const from = policy.renewFrom === 'EXPIRY' && license.expiresAt !== null ? license.expiresAt : now;
  return {
    ok: true,
    expiresAt: addIsoDuration(from, policy.durationIso),
    previousExpiresAt: license.expiresAt,
  };
}
