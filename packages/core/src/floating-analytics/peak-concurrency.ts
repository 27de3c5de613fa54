// Peak concurrency per pool and UTC hour or day: the highest seat count in use at any instant of the bucket.
import { type BucketUsage, bucketUsage } from './bucket-usage.ts';
import {
  type AnalyticsBucket,
  type AnalyticsWindow,
  bucketStarts,
  type FloatingUsageRecord,
  type PoolKey,
  poolKeyOf,
} from './usage-record.ts';

/** What peaks need of a bucket's usage: its highest and its last level. */
export type BucketLevel = Pick<
  BucketUsage,
  'licenseId' | 'feature' | 'bucketStart' | 'maxInUse' | 'lastInUse'
>;

/** The seats in use in a pool at some instant (the window start, or now). */
export interface PoolLevel extends PoolKey {
  inUse: number;
}

export interface PeakRow extends PoolKey {
  bucketStart: number;
  peak: number;
  /** The pool's seats when known, to draw the ceiling next to the peak. */
  seats: number | null;
}

/**
 * Every bucket of the window for every pool seen, with its peak: seats held when the bucket starts
 * are in use during it even if no event happens, so the level carried in from the previous bucket
 * (or `initialLevels`, the level at the window start) counts as well as the bucket's own events.
 * @example
 * fillPeaks({ window, bucket: 'hour', levels: [], initialLevels: [{ licenseId, feature: 'cad', inUse: 3 }] });
 * // one row per hour of the window, each with peak 3
 */
export function fillPeaks(input: {
  window: AnalyticsWindow;
  bucket: AnalyticsBucket;
  levels: readonly BucketLevel[];
  initialLevels?: readonly PoolLevel[];
  seats?: readonly (PoolKey & { seats: number })[];
}): PeakRow[] {
  const pools = new Map<string, PoolKey>();
  const remember = (p: PoolKey) => pools.set(poolKeyOf(p), { licenseId: p.licenseId, feature: p.feature });
  for (const p of [...input.levels, ...(input.initialLevels ?? []), ...(input.seats ?? [])]) remember(p);
  const byBucket = new Map(
    input.levels.map((l) => [JSON.stringify([l.licenseId, l.feature, l.bucketStart]), l]),
  );
  const initial = new Map((input.initialLevels ?? []).map((l) => [poolKeyOf(l), l.inUse]));
  const seats = new Map((input.seats ?? []).map((s) => [poolKeyOf(s), s.seats]));
  const starts = bucketStarts(input.window, input.bucket);
  const rows: PeakRow[] = [];
  // Code-unit order (not the locale's), so every engine and runtime lists pools the same way.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ordered = [...pools.values()].sort(
    (a, b) => cmp(a.licenseId, b.licenseId) || cmp(a.feature, b.feature),
  );
  for (const pool of ordered) {
    let carried = initial.get(poolKeyOf(pool)) ?? 0;
    for (const start of starts) {
      const level = byBucket.get(JSON.stringify([pool.licenseId, pool.feature, start]));
      const peak = level ? Math.max(carried, level.maxInUse) : carried;
      if (level) carried = level.lastInUse;
      rows.push({ ...pool, bucketStart: start, peak, seats: seats.get(poolKeyOf(pool)) ?? null });
    }
  }
  return rows;
}

/**
 * Peaks straight from records (the pure path; the server gets `levels` from SQL and calls fillPeaks).
 * Records outside the window are ignored; `initialLevels` is each pool's level at `window.from`.
 */
export function peakConcurrency(
  records: readonly FloatingUsageRecord[],
  options: {
    window: AnalyticsWindow;
    bucket: AnalyticsBucket;
    initialLevels?: readonly PoolLevel[];
    seats?: readonly (PoolKey & { seats: number })[];
  },
): PeakRow[] {
  return fillPeaks({ ...options, levels: bucketUsage(records, options) });
}
