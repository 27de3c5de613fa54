// Feature and entitlement values as typed in a text box and as shown in tables: a number, a
// boolean or a short text (e.g. a limit of 10, `true`, or a tier name).
import type { FeatureValue } from '../../api/api-types.ts';

/** Numbers and booleans as such, anything else as text; an empty box means "no value". */
export function parseFeatureValue(text: string): FeatureValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  const number = Number(trimmed);
  return Number.isFinite(number) && /^-?\d/.test(trimmed) ? number : trimmed;
}

export function formatFeatureValue(value: FeatureValue | undefined): string {
  return value === undefined ? '—' : String(value);
}
