// The status and time checks of a license at an instant: revoked, suspended, expired, in grace, not yet valid.
import { addIsoDuration } from '../policies/iso-duration.ts';
import type { EffectiveTerms } from './effective-terms.ts';
import type { License } from './license-types.ts';
import type { ValidationIssue } from './validation-codes.ts';

/** Violations (license unusable) and warnings (usable, but noteworthy) found by one check. */
export interface CheckResult {
  violations: ValidationIssue[];
  warnings: ValidationIssue[];
}

/**
 * Status and validity-window checks. Rules (instants compare in UTC milliseconds):
 * - REVOKED / SUSPENDED from the stored status.
 * - NOT_YET_VALID when `now < startsAt`.
 * - Expired when `now >= expiresAt` (the JWT `exp` rule). A TRIAL is then TRIAL_EXPIRED (trials
 *   have no grace); others are IN_GRACE_PERIOD (a warning) while `now < expiresAt + gracePeriodIso`,
 *   then EXPIRED. A null `expiresAt` never expires.
 * Every applicable violation is returned, e.g. a revoked license past its expiry gives both.
 * @example checkLicenseWindow(license, terms, new Date()).violations // [{ code: 'EXPIRED', detail: … }]
 */
export function checkLicenseWindow(
  license: Pick<License, 'status' | 'startsAt' | 'expiresAt'>,
  terms: Pick<EffectiveTerms, 'model' | 'gracePeriodIso'>,
  now: Date,
): CheckResult {
  const violations: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  if (license.status === 'REVOKED')
    violations.push({ code: 'REVOKED', detail: 'the license has been revoked' });
  if (license.status === 'SUSPENDED')
    violations.push({ code: 'SUSPENDED', detail: 'the license is suspended' });
  if (now.getTime() < license.startsAt.getTime()) {
    violations.push({
      code: 'NOT_YET_VALID',
      detail: `the license starts at ${license.startsAt.toISOString()}`,
    });
  }
  const { expiresAt } = license;
  if (expiresAt !== null && now.getTime() >= expiresAt.getTime()) {
    const ended = `the license expired at ${expiresAt.toISOString()}`;
    if (terms.model === 'TRIAL') {
      violations.push({ code: 'TRIAL_EXPIRED', detail: `the trial ended at ${expiresAt.toISOString()}` });
    } else if (terms.gracePeriodIso !== null && now < addIsoDuration(expiresAt, terms.gracePeriodIso)) {
      const graceEnd = addIsoDuration(expiresAt, terms.gracePeriodIso).toISOString();
      warnings.push({ code: 'IN_GRACE_PERIOD', detail: `${ended}; the grace period ends at ${graceEnd}` });
    } else {
      violations.push({ code: 'EXPIRED', detail: ended });
    }
  }
  return { violations, warnings };
}
