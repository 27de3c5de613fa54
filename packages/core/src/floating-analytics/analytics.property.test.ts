// Property test of floating analytics: for any event log, each bucket's peak is at least every level
// reported inside it, utilization stays within 0–100% overall and per bucket, and the bucket-aggregate
// path agrees with a direct replay of the level over time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DAY0, HOUR, LIC } from './analytics-test-records.ts';
import { peakConcurrency } from './peak-concurrency.ts';
import {
  type AnalyticsWindow,
  BUCKET_MS,
  bucketStart,
  bucketStarts,
  type FloatingUsageRecord,
} from './usage-record.ts';
import { utilization } from './utilization.ts';

const WINDOW = { from: DAY0, to: DAY0 + 50 * HOUR };
const KINDS = [
  'OUT',
  'IN',
  'DENIED',
  'QUEUED',
  'DEQUEUED',
  'QUEUE_EXPIRED',
  'BORROW',
  'HEARTBEAT_MISSED',
] as const;

const record = fc.record({
  kind: fc.constantFrom(...KINDS),
  feature: fc.constantFrom('cad', 'sim'),
  at: fc.integer({ min: WINDOW.from - HOUR, max: WINDOW.to + HOUR }),
  inUseAfter: fc.integer({ min: 0, max: 12 }),
});
const scenario = fc.record({
  records: fc.array(record, { maxLength: 80 }),
  bucket: fc.constantFrom('hour' as const, 'day' as const),
  seats: fc.integer({ min: 0, max: 10 }),
  initial: fc.integer({ min: 0, max: 12 }),
});

/** The reference: walk the level segment by segment and integrate min(level, seats) per bucket. */
function replayPercents(
  records: readonly FloatingUsageRecord[],
  feature: string,
  seats: number,
  initial: number,
  bucket: 'hour' | 'day',
  window: AnalyticsWindow,
) {
  const changes = records
    .filter((r) => r.feature === feature && r.at >= window.from && r.at < window.to)
    .sort((a, b) => a.at - b.at);
  const points = [
    { at: window.from, level: initial },
    ...changes.map((c) => ({ at: c.at, level: c.inUseAfter })),
  ];
  return bucketStarts(window, bucket).map((start) => {
    const lo = Math.max(start, window.from);
    const hi = Math.min(start + BUCKET_MS[bucket], window.to);
    let used = 0;
    points.forEach((p, i) => {
      const end = points[i + 1]?.at ?? window.to;
      used += Math.min(p.level, seats) * Math.max(0, Math.min(end, hi) - Math.max(p.at, lo));
    });
    return seats > 0 ? Math.round(Math.min(100, (used / (seats * (hi - lo))) * 100) * 100) / 100 : 0;
  });
}

describe('floating analytics properties', () => {
  it('peak ≥ every in_use_after in its bucket; utilization within [0, 100]', () => {
    fc.assert(
      fc.property(scenario, ({ records: raw, bucket, seats, initial }) => {
        const records: FloatingUsageRecord[] = raw.map((r) => ({
          ...r,
          licenseId: LIC,
          count: 1,
          user: 'u',
        }));
        const pools = ['cad', 'sim'].map((feature) => ({ licenseId: LIC, feature }));
        const initialLevels = pools.map((p) => ({ ...p, inUse: initial }));
        const peaks = peakConcurrency(records, { window: WINDOW, bucket, initialLevels });
        const peakOf = new Map(peaks.map((p) => [`${p.feature}@${p.bucketStart}`, p.peak]));
        for (const r of records) {
          if (r.at < WINDOW.from || r.at >= WINDOW.to) continue;
          const peak = peakOf.get(`${r.feature}@${bucketStart(r.at, bucket)}`);
          assert.ok(peak !== undefined && peak >= r.inUseAfter, `peak ${peak} < ${r.inUseAfter}`);
        }
        for (const p of peaks)
          if (p.bucketStart === bucketStart(WINDOW.from, bucket)) assert.ok(p.peak >= initial);
        const rows = utilization({
          window: WINDOW,
          bucket,
          seats: pools.map((p) => ({ ...p, seats })),
          changes: records,
          initialLevels,
        });
        for (const row of rows) {
          for (const percent of [row.percent, ...row.series.map((s) => s.percent)])
            assert.ok(percent >= 0 && percent <= 100, `utilization ${percent}`);
          assert.ok(row.seatHoursUsed <= row.seatHoursAvailable);
          const reference = replayPercents(records, row.feature, seats, initial, bucket, WINDOW);
          assert.deepEqual(
            row.series.map((s) => s.percent),
            reference,
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
