// Per pool and UTC bucket, the aggregates of the window's events that peaks and utilization are built
// from — the pure twin of the repository's one SQL query, so both are checked against each other.
import {
  type AnalyticsBucket,
  type AnalyticsWindow,
  BUCKET_MS,
  bucketStart,
  byTime,
  type FloatingUsageRecord,
  type PoolKey,
  poolKeyOf,
} from './usage-record.ts';

/** A point where a pool's level may change: any record works, only the level after it is read. */
export type LevelChange = Pick<FloatingUsageRecord, 'licenseId' | 'feature' | 'at' | 'inUseAfter'>;

/** One pool and bucket that has events. */
export interface BucketUsage extends PoolKey {
  bucketStart: number;
  /** The highest and the last `inUseAfter` of the bucket's events. */
  maxInUse: number;
  lastInUse: number;
  /** When the bucket's first event happened (before it, the level carried in holds). */
  firstAt: number;
  /**
   * Seat-milliseconds from the bucket's first event to its end: for each event, min(level, seats)
   * times the time until the next event of the pool, the bucket's end or the window's end.
   */
  seatMs: number;
}

/**
 * Aggregates level changes of the window into bucket usage. Changes outside the window are ignored;
 * `seats` clamps the level (a pool missing from it is not clamped).
 * @example bucketUsage(records, { window, bucket: 'hour', seats: [{ licenseId, feature: 'cad', seats: 10 }] });
 */
export function bucketUsage(
  changes: readonly LevelChange[],
  options: {
    window: AnalyticsWindow;
    bucket: AnalyticsBucket;
    seats?: readonly (PoolKey & { seats: number })[];
  },
): BucketUsage[] {
  const { window, bucket } = options;
  const seats = new Map((options.seats ?? []).map((s) => [poolKeyOf(s), s.seats]));
  const byPool = new Map<string, LevelChange[]>();
  for (const c of byTime(changes)) {
    if (c.at < window.from || c.at >= window.to) continue;
    const list = byPool.get(poolKeyOf(c));
    if (list) list.push(c);
    else byPool.set(poolKeyOf(c), [c]);
  }
  const rows: BucketUsage[] = [];
  for (const [key, list] of byPool) {
    const cap = seats.get(key) ?? Number.POSITIVE_INFINITY;
    let row: BucketUsage | undefined;
    list.forEach((c, i) => {
      const start = bucketStart(c.at, bucket);
      if (row?.bucketStart !== start) {
        row = {
          licenseId: c.licenseId,
          feature: c.feature,
          bucketStart: start,
          maxInUse: c.inUseAfter,
          lastInUse: c.inUseAfter,
          firstAt: c.at,
          seatMs: 0,
        };
        rows.push(row);
      }
      const until = Math.min(list[i + 1]?.at ?? window.to, start + BUCKET_MS[bucket], window.to);
      row.maxInUse = Math.max(row.maxInUse, c.inUseAfter);
      row.lastInUse = c.inUseAfter;
      row.seatMs += Math.max(0, Math.min(c.inUseAfter, cap)) * (until - c.at);
    });
  }
  return rows;
}
