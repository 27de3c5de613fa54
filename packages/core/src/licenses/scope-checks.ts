// The checks of a validation that depend on machines, users and the caller's scope.
import semver from 'semver';
import { effectiveLimit } from '../policies/effective-limit.ts';
import type { EffectiveTerms } from './effective-terms.ts';
import type { CheckResult } from './license-window.ts';
import type { ValidationIssue } from './validation-codes.ts';

/** A release as validation needs it: version and date. */
export interface ReleaseDate {
  version: string;
  releasedAt: Date;
}

const none = (): CheckResult => ({ violations: [], warnings: [] });

/**
 * Machine and user counts against their limits: above `max` but within the overage allowance is an
 * OVERAGE warning; above the allowance is TOO_MANY_MACHINES / USER_LIMIT_EXCEEDED.
 * @example checkCounts(terms, 11, undefined) // with max 10 and 1.25X: one OVERAGE warning
 */
export function checkCounts(
  terms: EffectiveTerms,
  machineCount: number,
  userCount: number | undefined,
): CheckResult {
  const result = none();
  const count = (
    n: number,
    max: number | null,
    tooMany: 'TOO_MANY_MACHINES' | 'USER_LIMIT_EXCEEDED',
    what: string,
  ) => {
    if (max === null || n <= max) return;
    const limit = effectiveLimit(max, terms.overage);
    if (n > limit)
      result.violations.push({ code: tooMany, detail: `${n} ${what} exceed the limit of ${limit}` });
    else
      result.warnings.push({
        code: 'OVERAGE',
        detail: `${n} ${what} exceed ${max}, within the ${terms.overage} overage`,
      });
  };
  count(machineCount, terms.maxMachines, 'TOO_MANY_MACHINES', 'machines');
  if (userCount !== undefined) count(userCount, terms.maxUsers, 'USER_LIMIT_EXCEEDED', 'users');
  return result;
}

/**
 * Node-locking: a license is node-locked when its model is NODE_LOCKED or it has bound fingerprints.
 * Then the scope must name a fingerprint (FINGERPRINT_REQUIRED) that is bound or activated
 * (FINGERPRINT_MISMATCH). Other licenses ignore the fingerprint.
 */
export function checkFingerprint(
  terms: EffectiveTerms,
  machineFingerprints: readonly string[],
  fingerprint: string | undefined,
): ValidationIssue[] {
  if (terms.model !== 'NODE_LOCKED' && terms.boundFingerprints.length === 0) return [];
  if (fingerprint === undefined || fingerprint === '') {
    return [
      {
        code: 'FINGERPRINT_REQUIRED',
        detail: 'a node-locked license is validated with a machine fingerprint',
      },
    ];
  }
  if (terms.boundFingerprints.includes(fingerprint) || machineFingerprints.includes(fingerprint)) return [];
  return [{ code: 'FINGERPRINT_MISMATCH', detail: 'the license is not activated on this machine' }];
}

/**
 * Version coverage: outside `versionRange` (prereleases inside the range count as inside) is not
 * covered; with a maintenance end, a release dated after it is not covered (on or before is). A
 * version that is not a known release is covered only while maintenance is still running.
 */
export function checkVersion(
  terms: EffectiveTerms,
  maintenanceEndsAt: Date | null,
  releases: readonly ReleaseDate[],
  version: string,
  now: Date,
): ValidationIssue[] {
  if (semver.valid(version) === null)
    return [{ code: 'VERSION_NOT_COVERED', detail: `${version} is not a semantic version` }];
  const issues: ValidationIssue[] = [];
  if (
    terms.versionRange !== null &&
    !semver.satisfies(version, terms.versionRange, { includePrerelease: true })
  ) {
    issues.push({
      code: 'VERSION_NOT_COVERED',
      detail: `${version} is outside the licensed range ${terms.versionRange}`,
    });
  }
  if (maintenanceEndsAt !== null) {
    const release = releases.find((r) => semver.valid(r.version) !== null && semver.eq(r.version, version));
    const end = maintenanceEndsAt.toISOString();
    if (release && release.releasedAt.getTime() > maintenanceEndsAt.getTime()) {
      issues.push({
        code: 'VERSION_NOT_COVERED',
        detail: `${version} was released ${release.releasedAt.toISOString()}, after maintenance ended ${end}`,
      });
    } else if (!release && now.getTime() > maintenanceEndsAt.getTime()) {
      issues.push({
        code: 'VERSION_NOT_COVERED',
        detail: `${version} is not a known release and maintenance ended ${end}`,
      });
    }
  }
  return issues;
}

/** One FEATURE_NOT_ENTITLED per requested feature the terms do not grant. */
export function checkFeatures(terms: EffectiveTerms, features: readonly string[]): ValidationIssue[] {
  const granted = new Set(terms.entitlements.map((e) => e.code));
  return features
    .filter((f) => !granted.has(f))
    .map((f) => ({ code: 'FEATURE_NOT_ENTITLED' as const, detail: `the license does not include ${f}` }));
}

/**
 * Geography and department restrictions: with a non-empty allow-list, a missing or unlisted value is
 * refused (a restriction cannot be bypassed by omitting the value). Countries compare upper-cased,
 * departments trimmed and case-insensitively.
 */
export function checkPlace(terms: EffectiveTerms, country?: string, department?: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const countries = terms.allowedCountries;
  if (countries.length > 0 && !countries.includes((country ?? '').trim().toUpperCase())) {
    issues.push({
      code: 'COUNTRY_NOT_ALLOWED',
      detail: `country ${country ?? '(unknown)'} is not in ${countries.join(', ')}`,
    });
  }
  const departments = terms.allowedDepartments.map((d) => d.trim().toLowerCase());
  if (departments.length > 0 && !departments.includes((department ?? '').trim().toLowerCase())) {
    issues.push({
      code: 'DEPARTMENT_NOT_ALLOWED',
      detail: `department ${department ?? '(unknown)'} is not allowed`,
    });
  }
  return issues;
}
