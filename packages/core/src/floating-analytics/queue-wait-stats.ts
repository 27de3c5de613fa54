// Queue wait statistics per feature: how long clients waited in the queue before they got a seat.
import type { FloatingUsageRecord } from './usage-record.ts';

export interface QueueWaitRow {
  feature: string;
  /** Requests that joined the queue (QUEUED). */
  queued: number;
  /** Entries that left the queue with a recorded wait (DEQUEUED). */
  count: number;
  p50Ms: number;
  p90Ms: number;
  maxMs: number;
  /** Entries that left the queue without a seat: expired (no poll), left, dropped, or hold not claimed. */
  abandoned: number;
}

/**
 * Nearest-rank percentile of sorted values: the smallest value with at least `p` of the values at or
 * below it — SQL's `percentile_disc(p)`, so the database and this function agree exactly.
 * @example nearestRank([10, 20, 30, 40], 0.5) // 20
 */
export function nearestRank(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * Queue statistics per feature (sorted by feature): QUEUED records count as `queued`; DEQUEUED
 * records (a hold granted to a waiting entry) carry the wait; QUEUE_EXPIRED records (expired, left,
 * dropped) count as `abandoned`. A feature where nobody was served yet has count 0 and zero times.
 * @example
 * queueWaitStats(records); // [{ feature: 'cad', queued: 4, count: 3, p50Ms: 1200, p90Ms: 5000, maxMs: 5000, abandoned: 1 }]
 */
export function queueWaitStats(records: readonly FloatingUsageRecord[]): QueueWaitRow[] {
  const waits = new Map<string, number[]>();
  const queued = new Map<string, number>();
  const abandoned = new Map<string, number>();
  const bump = (counts: Map<string, number>, feature: string) => {
    counts.set(feature, (counts.get(feature) ?? 0) + 1);
    if (!waits.has(feature)) waits.set(feature, []);
  };
  for (const r of records) {
    if (r.kind === 'DEQUEUED' && r.waitMs !== null && r.waitMs !== undefined) {
      const list = waits.get(r.feature) ?? [];
      list.push(Math.max(0, r.waitMs));
      waits.set(r.feature, list);
    } else if (r.kind === 'QUEUED') bump(queued, r.feature);
    else if (r.kind === 'QUEUE_EXPIRED') bump(abandoned, r.feature);
  }
  return [...waits]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([feature, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        feature,
        queued: queued.get(feature) ?? 0,
        count: sorted.length,
        p50Ms: nearestRank(sorted, 0.5),
        p90Ms: nearestRank(sorted, 0.9),
        maxMs: sorted.at(-1) ?? 0,
        abandoned: abandoned.get(feature) ?? 0,
      };
    });
}
