// Conversion of a trial to a paid policy: new policy, model and dates; machines and key are kept.
import { addIsoDuration } from '../policies/iso-duration.ts';
import type { LicenseModel, Policy } from '../policies/policy-types.ts';
import type { License } from './license-types.ts';

/** The license fields that change on conversion; everything else (key, machines, fingerprints) stays. */
export interface TrialConversion {
  policyId: string;
  model: LicenseModel;
  startsAt: Date;
  expiresAt: Date | null;
  maintenanceEndsAt: Date | null;
}

export type ConversionResult =
  | { ok: true; changes: TrialConversion }
  | { ok: false; code: 'NOT_A_TRIAL' | 'REVOKED' | 'TARGET_IS_TRIAL' | 'OTHER_PRODUCT'; detail: string };

/**
 * Convert a TRIAL license to `paidPolicy` at `now`: the paid term and maintenance start at `now`.
 * The caller applies `changes` to the same license row, so activated machines are kept.
 * @example convertTrial(trial, { id: 'pol_pro', productId: 'prod_1', model: 'SUBSCRIPTION', durationIso: 'P1Y', maintenanceDurationIso: null }, now)
 * // → { ok: true, changes: { policyId: 'pol_pro', model: 'SUBSCRIPTION', startsAt: now, expiresAt: now + 1 year, maintenanceEndsAt: null } }
 */
export function convertTrial(
  license: Pick<License, 'status' | 'model' | 'productId'>,
  paidPolicy: Pick<Policy, 'id' | 'productId' | 'model' | 'durationIso' | 'maintenanceDurationIso'>,
  now: Date,
): ConversionResult {
  if (license.status === 'REVOKED')
    return { ok: false, code: 'REVOKED', detail: 'a revoked license cannot be converted' };
  if (license.model !== 'TRIAL')
    return { ok: false, code: 'NOT_A_TRIAL', detail: `the license is ${license.model}` };
  if (paidPolicy.model === 'TRIAL')
    return { ok: false, code: 'TARGET_IS_TRIAL', detail: 'convert to a paid policy' };
  if (paidPolicy.productId !== license.productId) {
    return { ok: false, code: 'OTHER_PRODUCT', detail: 'the paid policy belongs to another product' };
  }
  return {
    ok: true,
    changes: {
      policyId: paidPolicy.id,
      model: paidPolicy.model,
      startsAt: now,
      expiresAt: paidPolicy.durationIso === null ? null : addIsoDuration(now, paidPolicy.durationIso),
      maintenanceEndsAt:
        paidPolicy.maintenanceDurationIso === null
          ? null
          : addIsoDuration(now, paidPolicy.maintenanceDurationIso),
    },
  };
}
