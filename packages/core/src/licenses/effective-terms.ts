// Merges a policy with a license's overrides into the terms that actually apply to that license.
import type { Entitlement, LicenseModel, OverageStrategy, Policy } from '../policies/policy-types.ts';
import type { License } from './license-types.ts';

/** The terms a license is enforced under: policy values with the license's overrides applied. */
export interface EffectiveTerms {
  /** The license's model (copied at issue), which wins over the policy's if they ever differ. */
  model: LicenseModel;
  maxMachines: number | null;
  maxUsers: number | null;
  overage: OverageStrategy;
  /** Entitled features only: codes whose value is `false` are dropped. Sorted by code. */
  entitlements: Entitlement[];
  allowedCountries: string[];
  allowedDepartments: string[];
  versionRange: string | null;
  boundFingerprints: string[];
  durationIso: string | null;
  maintenanceDurationIso: string | null;
  gracePeriodIso: string | null;
  heartbeatIntervalSeconds: number | null;
  renewFrom: Policy['renewFrom'];
  trialStartsAt: Policy['trialStartsAt'];
  maxBorrowHours: number | null;
}

/**
 * The terms that apply to `license` issued from `policy`. Pure; the policy is not modified.
 * @example
 * effectiveTerms({ ...policy, maxMachines: 5 }, { ...license, overrides: { maxMachines: 8 } }).maxMachines // 8
 */
export function effectiveTerms(
  policy: Policy,
  license: Pick<License, 'model' | 'overrides' | 'boundFingerprints'>,
): EffectiveTerms {
  const o = license.overrides;
  return {
    model: license.model,
    maxMachines: o.maxMachines !== undefined ? o.maxMachines : policy.maxMachines,
    maxUsers: o.maxUsers !== undefined ? o.maxUsers : policy.maxUsers,
    overage: o.overage ?? policy.overage,
    entitlements: mergeEntitlements(policy.entitlements, o.entitlements ?? []),
    allowedCountries: [...(o.allowedCountries ?? policy.allowedCountries)],
    allowedDepartments: [...(o.allowedDepartments ?? policy.allowedDepartments)],
    versionRange: o.versionRange !== undefined ? o.versionRange : policy.versionRange,
    boundFingerprints: [...license.boundFingerprints],
    durationIso: policy.durationIso,
    maintenanceDurationIso: policy.maintenanceDurationIso,
    gracePeriodIso: policy.gracePeriodIso,
    heartbeatIntervalSeconds: policy.heartbeatIntervalSeconds,
    renewFrom: policy.renewFrom,
    trialStartsAt: policy.trialStartsAt,
    maxBorrowHours: policy.maxBorrowHours,
  };
}

/**
 * Policy entitlements merged with overrides by code (override wins), `false` values removed, sorted.
 * @example mergeEntitlements([{ code: 'A' }, { code: 'B' }], [{ code: 'B', value: false }, { code: 'C', value: 3 }])
 * // → [{ code: 'A' }, { code: 'C', value: 3 }]
 */
export function mergeEntitlements(
  base: readonly Entitlement[],
  overrides: readonly Entitlement[],
): Entitlement[] {
  const byCode = new Map<string, Entitlement>();
  for (const e of [...base, ...overrides]) byCode.set(e.code, { ...e });
  return [...byCode.values()]
    .filter((e) => e.value !== false)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
