// The closed set of validation outcome codes and the one severity table that orders them.

/**
 * Every validation code, most severe first: this order IS the severity table. A validation's
 * `code` is the first of its violations in this order (or of its warnings when it has none).
 * NOT_FOUND is decided by the server (no license for the key) and never by the core.
 * IN_GRACE_PERIOD and OVERAGE are warnings: the license stays valid.
 */
export const VALIDATION_CODES = [
  'NOT_FOUND',
  'REVOKED',
  'SUSPENDED',
  'EXPIRED',
  'TRIAL_EXPIRED',
  'NOT_YET_VALID',
  'FINGERPRINT_REQUIRED',
  'FINGERPRINT_MISMATCH',
  'TOO_MANY_MACHINES',
  'VERSION_NOT_COVERED',
  'FEATURE_NOT_ENTITLED',
  'COUNTRY_NOT_ALLOWED',
  'DEPARTMENT_NOT_ALLOWED',
  'USER_LIMIT_EXCEEDED',
  'IN_GRACE_PERIOD',
  'OVERAGE',
  'VALID',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

/** The codes that leave a license valid and are reported as warnings. */
export const WARNING_CODES: ReadonlySet<ValidationCode> = new Set(['IN_GRACE_PERIOD', 'OVERAGE']);

/** One reason a license is invalid (or, for a warning, noteworthy), with a human detail. */
export interface ValidationIssue {
  code: ValidationCode;
  detail: string;
}

/**
 * Lower is more severe; the index in {@link VALIDATION_CODES}.
 * @example severityOf('REVOKED') < severityOf('EXPIRED') // true
 */
export function severityOf(code: ValidationCode): number {
  return VALIDATION_CODES.indexOf(code);
}

/**
 * The most severe code among `issues`, or `fallback` when there are none.
 * @example mostSevere([{ code: 'EXPIRED', detail: '' }, { code: 'REVOKED', detail: '' }]) // 'REVOKED'
 */
export function mostSevere(
  issues: readonly ValidationIssue[],
  fallback: ValidationCode = 'VALID',
): ValidationCode {
  let best: ValidationCode = fallback;
  for (const { code } of issues) if (severityOf(code) < severityOf(best)) best = code;
  return best;
}

/** Issues sorted most severe first; stable for equal codes (order of detection). */
export function bySeverity(issues: readonly ValidationIssue[]): ValidationIssue[] {
  return [...issues].sort((a, b) => severityOf(a.code) - severityOf(b.code));
}
