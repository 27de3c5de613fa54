// A license row as the core and the API see it: the core License, and the public JSON with its
// `state` derived at the moment of the answer (time-based states are never stored).
import { checkLicenseWindow, type License } from '@licentia/core';
import type { LicenseRow } from '@licentia/db';

export const LICENSE_STATES = [
  'ACTIVE',
  'NOT_YET_VALID',
  'IN_GRACE_PERIOD',
  'EXPIRED',
  'SUSPENDED',
  'REVOKED',
] as const;
export type LicenseState = (typeof LICENSE_STATES)[number];

export function toCoreLicense(row: LicenseRow): License {
  return {
    id: row.id,
    accountId: row.accountId,
    organizationId: row.organizationId,
    productId: row.productId,
    policyId: row.policyId,
    status: row.status,
    model: row.model,
    issuedAt: row.issuedAt,
    startsAt: row.startsAt,
    expiresAt: row.expiresAt,
    maintenanceEndsAt: row.maintenanceEndsAt,
    trialActivatedAt: row.trialActivatedAt,
    overrides: row.overrides,
    boundFingerprints: row.boundFingerprints,
  };
}

/**
 * The one state a console shows, from the core's window checks, most decisive first: REVOKED,
 * SUSPENDED, EXPIRED (trials included), NOT_YET_VALID, IN_GRACE_PERIOD, else ACTIVE.
 */
export function licenseState(row: LicenseRow, now: Date): LicenseState {
  const { violations, warnings } = checkLicenseWindow(
    row,
    { model: row.model, gracePeriodIso: row.gracePeriodIso },
    now,
  );
  const codes = new Set([...violations, ...warnings].map((v) => v.code));
  if (codes.has('REVOKED')) return 'REVOKED';
  if (codes.has('SUSPENDED')) return 'SUSPENDED';
  if (codes.has('EXPIRED') || codes.has('TRIAL_EXPIRED')) return 'EXPIRED';
  if (codes.has('NOT_YET_VALID')) return 'NOT_YET_VALID';
  if (codes.has('IN_GRACE_PERIOD')) return 'IN_GRACE_PERIOD';
  return 'ACTIVE';
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** The License JSON of the API contract; never the key, its hash or its sealed form. */
export function toLicenseView(row: LicenseRow, now: Date) {
  return {
    id: row.id,
    accountId: row.accountId,
    organizationId: row.organizationId,
    productId: row.productId,
    policyId: row.policyId,
    name: row.name,
    status: row.status,
    model: row.model,
    issuedAt: row.issuedAt.toISOString(),
    startsAt: row.startsAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    maintenanceEndsAt: iso(row.maintenanceEndsAt),
    trialActivatedAt: iso(row.trialActivatedAt),
    overrides: row.overrides as Record<string, unknown>,
    boundFingerprints: row.boundFingerprints,
    metadata: row.metadata,
    keyHint: row.keyHint,
    lastValidatedAt: iso(row.lastValidatedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    state: licenseState(row, now),
  };
}
