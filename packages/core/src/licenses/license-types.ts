// Licenses: one customer organization's right to a product under a policy, with its own overrides.
import type { Entitlement, LicenseModel, OverageStrategy } from '../policies/policy-types.ts';

export const LICENSE_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
/** Administrative state; time-based states (expired, in grace, not yet valid) are derived, never stored. */
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

/**
 * What a license changes of its policy's terms. An absent member inherits the policy's value;
 * `null` for a limit means unlimited. Entitlements merge by code (the license's value wins; a
 * value of `false` withholds a feature the policy grants).
 */
export interface LicenseOverrides {
  maxMachines?: number | null;
  maxUsers?: number | null;
  overage?: OverageStrategy;
  entitlements?: Entitlement[];
  allowedCountries?: string[];
  allowedDepartments?: string[];
  versionRange?: string | null;
}

export interface License {
  id: string;
  accountId: string;
  /** The customer organization the license is issued to. */
  organizationId: string;
  productId: string;
  policyId: string;
  status: LicenseStatus;
  /** Copied from the policy at issue (and on trial conversion), so the policy may change later. */
  model: LicenseModel;
  issuedAt: Date;
  /** Not valid before this instant (JWT `nbf`). */
  startsAt: Date;
  /** Not valid on or after this instant (JWT `exp`); null = never expires, or a trial not yet started. */
  expiresAt: Date | null;
  /** Releases dated after this instant are not covered; null = every release is covered. */
  maintenanceEndsAt: Date | null;
  /** When a FIRST_ACTIVATION trial started; null before the first activation or for other trials. */
  trialActivatedAt: Date | null;
  overrides: LicenseOverrides;
  /** Node-locking: the machine fingerprints this license is bound to (e.g. for offline files). */
  boundFingerprints: string[];
}
