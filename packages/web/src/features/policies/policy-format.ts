// Short human readings of policy terms for tables: "1 year", "5 machines", "€19.00 / P1M".
import type { Policy } from '../../api/api-types.ts';

const UNITS: Record<string, [string, string]> = {
  Y: ['year', 'years'],
  M: ['month', 'months'],
  W: ['week', 'weeks'],
  D: ['day', 'days'],
};

/** `P1Y` → "1 year", `P30D` → "30 days"; anything more complex is shown as written. */
export function formatDuration(iso: string | null, none = 'Never expires'): string {
  if (!iso) return none;
  const match = /^P(\d+)([YMWD])$/.exec(iso);
  if (!match) return iso;
  const [singular, plural] = UNITS[match[2]!]!;
  return `${match[1]} ${match[1] === '1' ? singular : plural}`;
}

export function formatLimit(value: number | null): string {
  return value === null ? 'Unlimited' : String(value);
}

/** Whole cents as a plain decimal amount; the account's currency is the billing system's concern. */
export function formatPrice(policy: Pick<Policy, 'priceCents' | 'billingPeriodIso'>): string {
  if (policy.priceCents === null) return '—';
  const amount = (policy.priceCents / 100).toFixed(2);
  return policy.billingPeriodIso ? `${amount} / ${formatDuration(policy.billingPeriodIso)}` : amount;
}
