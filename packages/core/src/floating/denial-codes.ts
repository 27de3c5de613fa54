// The closed table of check-out denial codes, in precedence order, and which of them a queue can wait out.

/**
 * Denial codes, most severe first. The order follows the documented rule precedence: EXCLUDE, then
 * RESERVE (a reserved request skips MAX and INCLUDE), then MAX, then INCLUDE; then borrow limits,
 * then capacity.
 */
export const DENIAL_CODES = [
  'INVALID_REQUEST',
  'EXCLUDED',
  'MAX_REACHED',
  'NOT_INCLUDED',
  'BORROW_LIMIT',
  'BORROW_LOWWATER',
  'RESERVED_FOR_OTHERS',
  'NO_SEATS',
] as const;
export type DenialCode = (typeof DENIAL_CODES)[number];

/** One reason a request cannot be granted now. */
export interface Violation {
  code: DenialCode;
  detail: string;
}

/** Codes that may clear as seats free up: a request denied only for these may wait in the queue. */
export const QUEUEABLE_CODES: ReadonlySet<DenialCode> = new Set([
  'MAX_REACHED',
  'RESERVED_FOR_OTHERS',
  'NO_SEATS',
]);

/**
 * The most severe code among violations (all are returned to the caller; this one leads).
 * @example mostSevereDenial([{ code: 'NO_SEATS', detail: '' }, { code: 'EXCLUDED', detail: '' }]); // 'EXCLUDED'
 */
export function mostSevereDenial(violations: readonly Violation[]): DenialCode {
  let best = DENIAL_CODES.length - 1;
  for (const v of violations) best = Math.min(best, DENIAL_CODES.indexOf(v.code));
  return DENIAL_CODES[best]!;
}
