// The rows floating usage analytics reads (one per floating_events row), UTC buckets and the analytics window.
import type { FloatingEventKind } from '../floating/event-log.ts';

/**
 * One stored pool event. `inUseAfter` is the pool's occupied seats after the event, so concurrency is
 * read off the log without replaying leases. Times are epoch milliseconds (database clock).
 */
export interface FloatingUsageRecord {
  kind: FloatingEventKind;
  licenseId: string;
  feature: string;
  at: number;
  count: number;
  user: string;
  department?: string | null;
  /** Check-in reason or denial code. */
  reason?: string | null;
  inUseAfter: number;
  /** DEQUEUED only: how long the entry waited in the queue. */
  waitMs?: number | null;
}

export type AnalyticsBucket = 'hour' | 'day';

export const BUCKET_MS: Record<AnalyticsBucket, number> = { hour: 3_600_000, day: 86_400_000 };

/** The half-open interval [from, to) the analytics cover, in epoch milliseconds. */
export interface AnalyticsWindow {
  from: number;
  to: number;
}

/** One (license, feature) pool: the unit concurrency and utilization are measured on. */
export interface PoolKey {
  licenseId: string;
  feature: string;
}

/**
 * Start of the UTC hour or day containing `at` (the same as SQL `date_trunc(bucket, at, 'UTC')`).
 * @example bucketStart(Date.parse('2026-03-01T10:42:00Z'), 'hour') // Date.parse('2026-03-01T10:00:00Z')
 */
export function bucketStart(at: number, bucket: AnalyticsBucket): number {
  const size = BUCKET_MS[bucket];
  return Math.floor(at / size) * size;
}

/** Starts of every bucket overlapping the window, oldest first. */
export function bucketStarts(window: AnalyticsWindow, bucket: AnalyticsBucket): number[] {
  const starts: number[] = [];
  if (window.to <= window.from) return starts;
  for (let at = bucketStart(window.from, bucket); at < window.to; at += BUCKET_MS[bucket]) starts.push(at);
  return starts;
}

/** A stable map key for a pool. */
export function poolKeyOf(pool: PoolKey): string {
  return JSON.stringify([pool.licenseId, pool.feature]);
}

/** Records sorted by time; records at the same instant keep their input order (stable sort). */
export function byTime<T extends { at: number }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.at - b.at);
}
