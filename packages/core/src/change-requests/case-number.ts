// Case numbers: sequential per vendor account, shown as CASE-000001 (six digits, more when needed).

const CASE_PATTERN = /^CASE-(\d{6,})$/;

/**
 * The display form of a case number.
 * @example formatCaseNumber(4217) // 'CASE-004217'
 */
export function formatCaseNumber(n: number): string {
  return `CASE-${String(n).padStart(6, '0')}`;
}

/** The number of a displayed case (`CASE-004217` → 4217), or null when the text is not one. */
export function parseCaseNumber(text: string): number | null {
  const digits = CASE_PATTERN.exec(text.trim().toUpperCase())?.[1];
  if (!digits) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
