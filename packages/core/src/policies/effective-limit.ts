// The ceiling a limit may reach under an overage strategy (floor of max × factor).
import type { OverageStrategy } from './policy-types.ts';

const FACTORS: Record<OverageStrategy, number> = {
  NO: 1,
  '1.25X': 1.25,
  '1.5X': 1.5,
  '2X': 2,
  ALWAYS: Number.POSITIVE_INFINITY,
};

/**
 * The most machines, users or seats allowed: `max` (null = unlimited → Infinity) times the overage
 * factor, rounded down so an allowance is never exceeded (10 × 1.25 = 12.5 → 12).
 * Use `count > max` to tell an overage from normal use, `count > effectiveLimit(…)` to refuse.
 * @example effectiveLimit(10, '1.25X') // 12
 * @example effectiveLimit(10, 'ALWAYS') // Infinity
 * @example effectiveLimit(null, 'NO') // Infinity
 */
export function effectiveLimit(max: number | null, overage: OverageStrategy): number {
  if (max === null) return Number.POSITIVE_INFINITY;
  if (overage === 'ALWAYS') return Number.POSITIVE_INFINITY;
  // 1.25, 1.5 and 2 are exact binary fractions, so the product of an integer is exact: no drift.
  return Math.floor(max * FACTORS[overage]);
}
