// Test-only builders of policies, licenses and snapshots with sane defaults (not exported by the barrel).
import type { Policy } from '../policies/policy-types.ts';
import { POLICY_DEFAULTS } from '../policies/validate-policy.ts';
import { type EffectiveTerms, effectiveTerms } from './effective-terms.ts';
import type { License } from './license-types.ts';
import type { LicenseSnapshot } from './validate-license.ts';

export const T0 = new Date('2025-01-01T00:00:00.000Z');
export const DAY_MS = 86_400_000;

/** An instant `days` after T0 (fractions allowed). */
export function day(days: number): Date {
  return new Date(T0.getTime() + days * DAY_MS);
}

/** A policy with the validation defaults, a SUBSCRIPTION of one year unless patched. */
export function makePolicy(patch: Partial<Policy> = {}): Policy {
  return {
    ...POLICY_DEFAULTS,
    id: 'pol_1',
    accountId: 'acct_1',
    productId: 'prod_1',
    name: 'Test policy',
    model: 'SUBSCRIPTION',
    durationIso: 'P1Y',
    ...patch,
  };
}

/** An ACTIVE license issued at T0, valid from T0 for 365 days unless patched. */
export function makeLicense(patch: Partial<License> = {}): License {
  return {
    id: 'lic_1',
    accountId: 'acct_1',
    organizationId: 'org_1',
    productId: 'prod_1',
    policyId: 'pol_1',
    status: 'ACTIVE',
    model: patch.model ?? 'SUBSCRIPTION',
    issuedAt: T0,
    startsAt: T0,
    expiresAt: day(365),
    maintenanceEndsAt: null,
    trialActivatedAt: null,
    overrides: {},
    boundFingerprints: [],
    ...patch,
  };
}

/** A snapshot of `license` under `policy` (model taken from the license), no machines or releases. */
export function makeSnapshot(
  license: License,
  policy: Policy = makePolicy({ model: license.model }),
  rest: Partial<Omit<LicenseSnapshot, 'license' | 'terms'>> = {},
): LicenseSnapshot {
  const terms: EffectiveTerms = effectiveTerms(policy, license);
  return { license, terms, releases: [], machines: [], ...rest };
}

/** `n` machines with distinct fingerprints fp-0 … fp-(n-1). */
export function machinesOf(n: number): { fingerprint: string }[] {
  return Array.from({ length: n }, (_, i) => ({ fingerprint: `fp-${i}` }));
}
