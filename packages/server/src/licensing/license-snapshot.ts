// A license prepared for validation: the row parsed once into the core's License, its effective
// terms, releases and live machines, plus the public summary echoed in answers. Cached per
// process (snapshot-cache.ts), so the hot path never re-parses stored JSON or re-merges terms.
import {
  type EffectiveTerms,
  effectiveTerms,
  type License,
  type LicenseModel,
  type LicenseOverrides,
  type LicenseSnapshot,
  type Policy,
  type ValidPolicyInput,
} from '@licentia/core';
import type { LicenseSnapshotRow, LockedLicense } from '@licentia/db';
import { type ComplianceSummary, complianceSummaryOf } from '../compliance/compliance-view.ts';

/** The `license` member of a validation answer. */
export interface LicenseSummary {
  id: string;
  status: License['status'];
  model: LicenseModel;
  expiresAt: string | null;
  maintenanceEndsAt: string | null;
  entitlements: EffectiveTerms['entitlements'];
}

export interface Snapshot {
  licenseId: string;
  accountId: string;
  productId: string;
  organizationId: string;
  policyId: string;
  keyHash: string;
  policy: Policy;
  /** What core `validateLicense` takes. */
  core: LicenseSnapshot;
  summary: LicenseSummary;
  /** The license's compliance mode (issue 7), echoed in validation answers. */
  compliance: ComplianceSummary;
}

/** The policy of a stored spec (the validated PolicyInput) with its ids. */
export function policyOf(
  row: Pick<LockedLicense, 'policyId' | 'accountId' | 'productId' | 'policySpec'>,
): Policy {
  return {
    ...(row.policySpec as ValidPolicyInput),
    id: row.policyId,
    accountId: row.accountId,
    productId: row.productId,
  };
}

export function licenseOf(row: LockedLicense): License {
  return {
    id: row.id,
    accountId: row.accountId,
    organizationId: row.organizationId,
    productId: row.productId,
    policyId: row.policyId,
    status: row.status,
    model: row.model as LicenseModel,
    issuedAt: row.issuedAt,
    startsAt: row.startsAt,
    expiresAt: row.expiresAt,
    maintenanceEndsAt: row.maintenanceEndsAt,
    trialActivatedAt: row.trialActivatedAt,
    overrides: (row.overrides ?? {}) as LicenseOverrides,
    boundFingerprints: row.boundFingerprints,
  };
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function toSnapshot(row: LicenseSnapshotRow): Snapshot {
  const license = licenseOf(row);
  const policy = policyOf(row);
  const terms = effectiveTerms(policy, license);
  return {
    licenseId: row.id,
    accountId: row.accountId,
    productId: row.productId,
    organizationId: row.organizationId,
    policyId: row.policyId,
    keyHash: row.keyHash,
    policy,
    core: {
      license,
      terms,
      releases: row.releases,
      machines: row.fingerprints.map((fingerprint) => ({ fingerprint })),
    },
    summary: {
      id: license.id,
      status: license.status,
      model: license.model,
      expiresAt: iso(license.expiresAt),
      maintenanceEndsAt: iso(license.maintenanceEndsAt),
      entitlements: terms.entitlements,
    },
    compliance: complianceSummaryOf(row.compliance ?? null),
  };
}
