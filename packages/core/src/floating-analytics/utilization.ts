// Utilization of floating pools: seat-time used over seat-time available, per window and per bucket,
// built from bucket usage (SQL's or bucketUsage's) and the level each bucket starts with.
import { type BucketUsage, bucketUsage, type LevelChange } from './bucket-usage.ts';
import type { PoolLevel } from './peak-concurrency.ts';
import {
  type AnalyticsBucket,
  type AnalyticsWindow,
  BUCKET_MS,
  bucketStarts,
  type PoolKey,
  poolKeyOf,
} from './usage-record.ts';

export interface UtilizationRow extends PoolKey {
  seats: number;
  /** Seat-time used / seat-time available over the window, 0–100, two decimals. */
  percent: number;
  seatHoursUsed: number;
  seatHoursAvailable: number;
  /** The same ratio per bucket (partial buckets at the window edges count only their covered part). */
  series: { bucketStart: number; percent: number }[];
}

const HOUR_MS = 3_600_000;
const round2 = (x: number) => Math.round(x * 100) / 100;
const percentOf = (used: number, available: number) =>
  available > 0 ? round2(Math.min(100, Math.max(0, (used / available) * 100))) : 0;

/**
 * Utilization of each pool of `seats` from its bucket usage. In a bucket the level carried in (the
 * previous bucket's last level, or `initialLevels` at the window start) holds until the bucket's first
 * event, then `seatMs` covers the rest; a bucket without events holds the carried level throughout.
 */
export function utilizationFromBuckets(input: {
  window: AnalyticsWindow;
  bucket: AnalyticsBucket;
  seats: readonly (PoolKey & { seats: number })[];
  usage: readonly BucketUsage[];
  initialLevels?: readonly PoolLevel[];
}): UtilizationRow[] {
  const { window, bucket } = input;
  const initial = new Map((input.initialLevels ?? []).map((l) => [poolKeyOf(l), l.inUse]));
  const usage = new Map(input.usage.map((u) => [JSON.stringify([u.licenseId, u.feature, u.bucketStart]), u]));
  const starts = bucketStarts(window, bucket);
  return input.seats.map((pool) => {
    const seats = Math.max(0, pool.seats);
    let carried = initial.get(poolKeyOf(pool)) ?? 0;
    let totalUsed = 0;
    const series = starts.map((start) => {
      const from = Math.max(window.from, start);
      const to = Math.min(window.to, start + BUCKET_MS[bucket]);
      const u = usage.get(JSON.stringify([pool.licenseId, pool.feature, start]));
      const held = Math.max(0, Math.min(carried, seats));
      const used = u ? held * (u.firstAt - from) + u.seatMs : held * (to - from);
      if (u) carried = u.lastInUse;
      totalUsed += used;
      return { bucketStart: start, percent: percentOf(used, seats * (to - from)) };
    });
    const available = seats * (window.to - window.from);
    return {
      licenseId: pool.licenseId,
      feature: pool.feature,
      seats,
      percent: percentOf(totalUsed, available),
      seatHoursUsed: round2(Math.min(totalUsed, available) / HOUR_MS),
      seatHoursAvailable: round2(available / HOUR_MS),
      series,
    };
  });
}

/**
 * Utilization straight from level changes (the pure path): the level starts at the pool's
 * `initialLevels` entry (0 if absent) and follows `inUseAfter` of each change inside the window.
 * Seat-time above the seat count (seats lowered while leases were out) is not counted: a pool is at
 * most 100% used.
 * @example
 * utilization({ window: { from: 0, to: 2 * HOUR }, bucket: 'hour', seats: [{ licenseId, feature: 'cad', seats: 2 }],
 *   changes: [{ licenseId, feature: 'cad', at: HOUR, inUseAfter: 2 }] })[0].percent; // 50
 */
export function utilization(input: {
  window: AnalyticsWindow;
  bucket: AnalyticsBucket;
  seats: readonly (PoolKey & { seats: number })[];
  changes: readonly LevelChange[];
  initialLevels?: readonly PoolLevel[];
}): UtilizationRow[] {
  return utilizationFromBuckets({ ...input, usage: bucketUsage(input.changes, input) });
}
