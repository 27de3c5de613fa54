// The validation decision: every violation of a loaded license snapshot for a scope, at an instant.
import type { EffectiveTerms } from './effective-terms.ts';
import type { License } from './license-types.ts';
import { checkLicenseWindow } from './license-window.ts';
import {
  checkCounts,
  checkFeatures,
  checkFingerprint,
  checkPlace,
  checkVersion,
  type ReleaseDate,
} from './scope-checks.ts';
import { bySeverity, mostSevere, type ValidationCode, type ValidationIssue } from './validation-codes.ts';

/** Everything the decision needs, loaded by the caller in one read. */
export interface LicenseSnapshot {
  license: License;
  terms: EffectiveTerms;
  /** The product's releases, to date a version for maintenance coverage. */
  releases: readonly ReleaseDate[];
  /** The license's activated machines. */
  machines: readonly { fingerprint: string }[];
  /** Distinct users counted for the license, including the scope's user; absent = not enforced. */
  activeUserCount?: number;
}

/** What the caller asks about; each member present adds its checks. */
export interface ValidationScope {
  fingerprint?: string;
  version?: string;
  feature?: string | readonly string[];
  user?: string;
  country?: string;
  department?: string;
}

export interface ValidationResult {
  /** True when there is no violation (warnings allowed). */
  valid: boolean;
  /** The most severe violation, else the most severe warning, else VALID (see VALIDATION_CODES). */
  code: ValidationCode;
  /** Every violation, most severe first. */
  violations: ValidationIssue[];
  /** IN_GRACE_PERIOD and OVERAGE notices, most severe first. */
  warnings: ValidationIssue[];
}

/**
 * Decide whether the licensed software may run, reporting ALL violations (not only the first) so
 * an expired, over-limit, wrong-version license says all three; `code` is the most severe one.
 * Pure: no clock (`now`), no I/O. The server answers NOT_FOUND itself when no license matches.
 * @example
 * validateLicense({ license, terms, releases: [], machines: [] }, { feature: 'EXPORT' }, new Date());
 * // → { valid: false, code: 'EXPIRED', violations: [{ code: 'EXPIRED', … }, { code: 'FEATURE_NOT_ENTITLED', … }], warnings: [] }
 */
export function validateLicense(
  snapshot: LicenseSnapshot,
  scope: ValidationScope,
  now: Date,
): ValidationResult {
  const { license, terms, machines } = snapshot;
  const window = checkLicenseWindow(license, terms, now);
  const counts = checkCounts(terms, machines.length, snapshot.activeUserCount);
  const features =
    scope.feature === undefined ? [] : typeof scope.feature === 'string' ? [scope.feature] : scope.feature;
  const violations = bySeverity([
    ...window.violations,
    ...checkFingerprint(
      terms,
      machines.map((m) => m.fingerprint),
      scope.fingerprint,
    ),
    ...counts.violations,
    ...(scope.version === undefined
      ? []
      : checkVersion(terms, license.maintenanceEndsAt, snapshot.releases, scope.version, now)),
    ...checkFeatures(terms, features),
    ...checkPlace(terms, scope.country, scope.department),
  ]);
  const warnings = bySeverity([...window.warnings, ...counts.warnings]);
  return {
    valid: violations.length === 0,
    code: violations.length > 0 ? mostSevere(violations) : mostSevere(warnings),
    violations,
    warnings,
  };
}
