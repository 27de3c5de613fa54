// Checks a policy input field by field, then across fields by model, and fills in defaults.
import semver from 'semver';
import {
  type FieldErrorCollector,
  fieldErrors,
  isIntIn,
  isNonBlank,
  type Validated,
} from '../catalog/field-errors.ts';
import { checkEntitlement } from '../catalog/validate-feature.ts';
import { isCountryCode } from './country-codes.ts';
import { isIsoDuration } from './iso-duration.ts';
import { checkPolicyConsistency } from './policy-consistency.ts';
import {
  LICENSE_MODELS,
  OVERAGE_STRATEGIES,
  type PolicyInput,
  RENEW_FROM,
  TRIAL_STARTS_AT,
  type ValidPolicyInput,
} from './policy-types.ts';

/** Defaults of every optional policy member. Renewals extend from expiry so renewing early loses nothing. */
export const POLICY_DEFAULTS: Omit<ValidPolicyInput, 'name' | 'model'> = {
  durationIso: null,
  maintenanceDurationIso: null,
  gracePeriodIso: null,
  maxMachines: null,
  maxUsers: null,
  overage: 'NO',
  heartbeatIntervalSeconds: null,
  allowedCountries: [],
  allowedDepartments: [],
  versionRange: null,
  entitlements: [],
  priceCents: null,
  billingPeriodIso: null,
  renewFrom: 'EXPIRY',
  trialStartsAt: 'ISSUE',
  maxBorrowHours: null,
};

/**
 * Validate a policy input; returns every field error (field checks, then model consistency such as
 * "a SUBSCRIPTION needs durationIso" or "maxBorrowHours is for FLOATING only").
 * @example
 * validatePolicyInput({ name: 'Pro yearly', model: 'SUBSCRIPTION', durationIso: 'P1Y', maxMachines: 5 });
 * // → { ok: true, value: { …POLICY_DEFAULTS, name: 'Pro yearly', model: 'SUBSCRIPTION', … } }
 */
export function validatePolicyInput(input: PolicyInput): Validated<ValidPolicyInput> {
  // name and model are required by the type; JSON input may still lack them, which the checks catch.
  const policy = { ...POLICY_DEFAULTS, ...withoutUndefined(input) } as ValidPolicyInput;
  const errors = fieldErrors();
  if (!isNonBlank(policy.name)) errors.add('name', 'REQUIRED', 'name must be 1–200 characters');
  oneOf(errors, 'model', policy.model, LICENSE_MODELS);
  oneOf(errors, 'overage', policy.overage, OVERAGE_STRATEGIES);
  oneOf(errors, 'renewFrom', policy.renewFrom, RENEW_FROM);
  oneOf(errors, 'trialStartsAt', policy.trialStartsAt, TRIAL_STARTS_AT);
  for (const field of [
    'durationIso',
    'maintenanceDurationIso',
    'gracePeriodIso',
    'billingPeriodIso',
  ] as const) {
    const value = policy[field];
    if (value !== null && !isIsoDuration(value)) {
      errors.add(
        field,
        'INVALID_FORMAT',
        `${field} must be a positive ISO 8601 duration such as P1Y or P30D`,
      );
    }
  }
  optionalInt(errors, 'maxMachines', policy.maxMachines, 1, 1_000_000_000);
  optionalInt(errors, 'maxUsers', policy.maxUsers, 1, 1_000_000_000);
  optionalInt(errors, 'heartbeatIntervalSeconds', policy.heartbeatIntervalSeconds, 10, 7 * 86_400);
  optionalInt(errors, 'priceCents', policy.priceCents, 0, Number.MAX_SAFE_INTEGER);
  optionalInt(errors, 'maxBorrowHours', policy.maxBorrowHours, 1, 24 * 366);
  if (
    policy.versionRange !== null &&
    (typeof policy.versionRange !== 'string' || !semver.validRange(policy.versionRange))
  ) {
    errors.add(
      'versionRange',
      'INVALID_FORMAT',
      'versionRange must be a semver range such as ">=2.0.0 <3.0.0"',
    );
  }
  uniqueList(errors, 'allowedCountries', policy.allowedCountries, isCountryCode, 'ISO 3166-1 alpha-2 codes');
  uniqueList(
    errors,
    'allowedDepartments',
    policy.allowedDepartments,
    (d) => isNonBlank(d, 100),
    'names (≤ 100)',
  );
  checkEntitlements(errors, 'entitlements', policy.entitlements);
  if (errors.list.length === 0) checkPolicyConsistency(errors, policy);
  return errors.result(() => ({ ...policy, name: policy.name.trim() }));
}

/** Check a list of entitlements: each well-formed, no code twice. Shared with license overrides. */
export function checkEntitlements(errors: FieldErrorCollector, field: string, list: unknown): void {
  if (!Array.isArray(list)) {
    errors.add(field, 'INVALID_FORMAT', `${field} must be a list`);
    return;
  }
  for (const [i, entitlement] of list.entries()) checkEntitlement(errors, `${field}.${i}`, entitlement ?? {});
  const codes = list.map((e) => e?.code);
  if (new Set(codes).size !== codes.length) errors.add(field, 'INCONSISTENT', `${field} lists a code twice`);
}

function oneOf(errors: FieldErrorCollector, field: string, value: unknown, allowed: readonly string[]): void {
  if (!allowed.includes(value as string))
    errors.add(field, 'NOT_ALLOWED', `${field} must be one of ${allowed.join(', ')}`);
}

function optionalInt(
  errors: FieldErrorCollector,
  field: string,
  value: unknown,
  min: number,
  max: number,
): void {
  if (value !== null && !isIntIn(value, min, max)) {
    errors.add(field, 'OUT_OF_RANGE', `${field} must be null or an integer ${min}–${max}`);
  }
}

function uniqueList(
  errors: FieldErrorCollector,
  field: string,
  list: unknown,
  valid: (item: unknown) => boolean,
  what: string,
): void {
  if (!Array.isArray(list) || !list.every(valid)) {
    errors.add(field, 'INVALID_FORMAT', `${field} must list ${what}`);
    return;
  }
  if (new Set(list).size !== list.length) errors.add(field, 'INCONSISTENT', `${field} lists an entry twice`);
}

function withoutUndefined<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
