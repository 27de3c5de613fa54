// Checks the overrides a license may carry over its policy's terms, field by field, returning every error.
import semver from 'semver';
import {
  type FieldErrorCollector,
  fieldErrors,
  isIntIn,
  isNonBlank,
  type Validated,
} from '../catalog/field-errors.ts';
import { isCountryCode } from '../policies/country-codes.ts';
import { OVERAGE_STRATEGIES } from '../policies/policy-types.ts';
import { checkEntitlements } from '../policies/validate-policy.ts';
import type { LicenseOverrides } from './license-types.ts';

const KNOWN = new Set([
  'maxMachines',
  'maxUsers',
  'overage',
  'entitlements',
  'allowedCountries',
  'allowedDepartments',
  'versionRange',
]);

/**
 * Validate license overrides: limits are null (unlimited) or integers 1–1 000 000 000, overage one
 * of the strategies, entitlements as on a policy (a `false` value withholds a feature), countries
 * ISO 3166-1 alpha-2, departments non-blank, version range a semver range or null. Unknown members
 * are refused so a typo (`maxMachine`) never silently inherits the policy's value.
 * @example validateLicenseOverrides({ maxMachines: 8 }) // → { ok: true, value: { maxMachines: 8 } }
 * @example validateLicenseOverrides({ maxMachines: 0 }).ok // false (OUT_OF_RANGE)
 */
export function validateLicenseOverrides(input: unknown): Validated<LicenseOverrides> {
  const errors = fieldErrors();
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.add('overrides', 'INVALID_FORMAT', 'overrides must be an object');
    return errors.result(() => ({}));
  }
  const o = input as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!KNOWN.has(key)) errors.add(`overrides.${key}`, 'NOT_ALLOWED', `${key} cannot be overridden`);
  }
  for (const field of ['maxMachines', 'maxUsers'] as const) {
    const v = o[field];
    if (v !== undefined && v !== null && !isIntIn(v, 1, 1_000_000_000)) {
      errors.add(`overrides.${field}`, 'OUT_OF_RANGE', `${field} must be null or an integer 1–1000000000`);
    }
  }
  if (o.overage !== undefined && !OVERAGE_STRATEGIES.includes(o.overage as never)) {
    errors.add('overrides.overage', 'NOT_ALLOWED', `overage must be one of ${OVERAGE_STRATEGIES.join(', ')}`);
  }
  if (o.entitlements !== undefined) checkEntitlements(errors, 'overrides.entitlements', o.entitlements);
  list(errors, 'allowedCountries', o.allowedCountries, isCountryCode);
  list(errors, 'allowedDepartments', o.allowedDepartments, (d) => isNonBlank(d, 100));
  const range = o.versionRange;
  if (range !== undefined && range !== null && (typeof range !== 'string' || !semver.validRange(range))) {
    errors.add('overrides.versionRange', 'INVALID_FORMAT', 'versionRange must be a semver range or null');
  }
  return errors.result(() => ({ ...(o as LicenseOverrides) }));
}

function list(errors: FieldErrorCollector, field: string, value: unknown, valid: (v: unknown) => boolean) {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every(valid)) {
    errors.add(`overrides.${field}`, 'INVALID_FORMAT', `${field} must be a list of valid entries`);
  } else if (new Set(value).size !== value.length) {
    errors.add(`overrides.${field}`, 'INCONSISTENT', `${field} lists an entry twice`);
  }
}
