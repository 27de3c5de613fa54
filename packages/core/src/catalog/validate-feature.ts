// Checks a feature (entitlement) input: SCREAMING_SNAKE code, a name, an optional typed value.
import { FEATURE_CODE_PATTERN, type FeatureInput, type FeatureValue } from './catalog-types.ts';
import { type FieldErrorCollector, fieldErrors, isNonBlank, type Validated } from './field-errors.ts';

/**
 * True when `value` may be stored as a feature or entitlement value: a finite number, a string of
 * at most 200 characters, or a boolean.
 * @example isFeatureValue(25) // true
 * @example isFeatureValue(Number.NaN) // false
 */
export function isFeatureValue(value: unknown): value is FeatureValue {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return value.length <= 200;
  return typeof value === 'boolean';
}

/**
 * Check an entitlement code and value under `prefix` (e.g. `entitlements.0`), adding to `errors`.
 * Shared by features, policy entitlements and license overrides.
 * @example checkEntitlement(errors, 'entitlements.0', { code: 'MAX_PROJECTS', value: 5 });
 */
export function checkEntitlement(
  errors: FieldErrorCollector,
  prefix: string,
  entitlement: { code: unknown; value?: unknown },
): void {
  const at = prefix ? `${prefix}.` : '';
  if (typeof entitlement.code !== 'string' || !FEATURE_CODE_PATTERN.test(entitlement.code)) {
    errors.add(
      `${at}code`,
      'INVALID_FORMAT',
      'code must be SCREAMING_SNAKE: A-Z first, then A-Z 0-9 _, ≤ 64',
    );
  }
  if (entitlement.value !== undefined && !isFeatureValue(entitlement.value)) {
    errors.add(
      `${at}value`,
      'INVALID_FORMAT',
      'value must be a finite number, a string (≤ 200) or a boolean',
    );
  }
}

/**
 * Validate a feature input.
 * @example
 * validateFeatureInput({ code: 'EXPORT_PDF', name: 'PDF export' }); // → { ok: true, value: … }
 * validateFeatureInput({ code: 'export', name: '' }); // → { ok: false, errors: [code, name] }
 */
export function validateFeatureInput(input: FeatureInput): Validated<FeatureInput> {
  const errors = fieldErrors();
  checkEntitlement(errors, '', input);
  if (!isNonBlank(input.name)) errors.add('name', 'REQUIRED', 'name must be 1–200 characters');
  return errors.result(() => {
    const value: FeatureInput = { code: input.code, name: input.name.trim() };
    if (input.value !== undefined) value.value = input.value;
    return value;
  });
}
