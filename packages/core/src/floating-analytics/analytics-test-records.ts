// Record builders shared by the floating analytics tests: a fixed epoch and terse constructors.
import type { FloatingUsageRecord } from './usage-record.ts';

export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** 2026-03-02T00:00:00Z, a Monday: day and hour buckets both start here. */
export const DAY0 = Date.parse('2026-03-02T00:00:00Z');
export const LIC = 'lic_a';

export function rec(
  kind: FloatingUsageRecord['kind'],
  at: number,
  inUseAfter: number,
  extra: Partial<FloatingUsageRecord> = {},
): FloatingUsageRecord {
  return { kind, licenseId: LIC, feature: 'cad', at, count: 1, user: 'alice', inUseAfter, ...extra };
}
