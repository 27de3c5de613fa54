// Field-level validation results shared by catalog, policy and license input checks.

/** One problem with one input field; `field` is a dotted path such as `entitlements.2.code`. */
export interface FieldError {
  field: string;
  /** A stable machine-readable reason: REQUIRED, INVALID_FORMAT, OUT_OF_RANGE, NOT_ALLOWED, INCONSISTENT… */
  reason: FieldErrorReason;
  message: string;
}

export type FieldErrorReason =
  | 'REQUIRED'
  | 'INVALID_FORMAT'
  | 'OUT_OF_RANGE'
  | 'NOT_ALLOWED'
  | 'INCONSISTENT';

/** Either the normalized value or every field error found (never only the first). */
export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Collects field errors while an input is checked, then builds the {@link Validated} result.
 * @example
 * const errors = fieldErrors();
 * if (!name) errors.add('name', 'REQUIRED', 'name is required');
 * return errors.result(() => ({ name }));
 */
export function fieldErrors() {
  const list: FieldError[] = [];
  return {
    list,
    add(field: string, reason: FieldErrorReason, message: string): void {
      list.push({ field, reason, message });
    },
    result<T>(build: () => T): Validated<T> {
      return list.length > 0 ? { ok: false, errors: list } : { ok: true, value: build() };
    },
  };
}

/** A collector as returned by {@link fieldErrors}. */
export type FieldErrorCollector = ReturnType<typeof fieldErrors>;

/** True for a string with at least one non-space character and at most `max` characters. */
export function isNonBlank(value: unknown, max = 200): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

/** True for a safe integer within [min, max]. */
export function isIntIn(value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}
