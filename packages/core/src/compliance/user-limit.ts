// The user limit that applies at an instant: the license's limit raised by a live extension, and the
// 125% ceiling above which a license is restricted.
import type { UserLimitExtension } from './compliance-types.ts';

/**
 * The license limit L, raised to the extension's limit while `now < until` (an extension never
 * lowers L). null = unlimited, which no extension changes.
 * @example effectiveUserLimit(10, { userLimit: 15, until: nextWeek }, now) // 15
 */
export function effectiveUserLimit(
  userLimit: number | null,
  extension: UserLimitExtension | null,
  now: Date,
): number | null {
  if (userLimit === null) return null;
  if (extension && now.getTime() < extension.until.getTime()) return Math.max(userLimit, extension.userLimit);
  return userLimit;
}

/**
 * The most users allowed before RESTRICTED: 125% of the limit, rounded down (integer arithmetic, so
 * 10 → 12 and 4 → 5 exactly).
 * @example userCeiling(10) // 12
 */
export function userCeiling(limit: number | null): number | null {
  return limit === null ? null : Math.floor((limit * 5) / 4);
}
