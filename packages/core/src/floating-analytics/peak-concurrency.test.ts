// Peak concurrency by hour and day: bucket maxima, levels carried across quiet buckets, window edges.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY0, HOUR, LIC, MINUTE, rec } from './analytics-test-records.ts';
import { bucketUsage } from './bucket-usage.ts';
import { fillPeaks, peakConcurrency } from './peak-concurrency.ts';
import { bucketStart, bucketStarts } from './usage-record.ts';

const threeHours = { from: DAY0, to: DAY0 + 3 * HOUR };
const peaksOf = (rows: { peak: number }[]) => rows.map((r) => r.peak);

describe('bucketStart', () => {
  const cases = [
    ['hour', '2026-03-02T10:42:13.5Z', '2026-03-02T10:00:00Z'],
    ['hour', '2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z'],
    ['day', '2026-03-02T23:59:59.999Z', '2026-03-02T00:00:00Z'],
    ['day', '2026-03-03T00:00:00Z', '2026-03-03T00:00:00Z'],
  ] as const;
  for (const [bucket, at, expected] of cases) {
    it(`truncates ${at} to the UTC ${bucket}`, () =>
      assert.equal(bucketStart(Date.parse(at), bucket), Date.parse(expected)));
  }

  it('lists every bucket overlapping the window, including a partial first one', () => {
    const starts = bucketStarts({ from: DAY0 + 30 * MINUTE, to: DAY0 + 2 * HOUR }, 'hour');
    assert.deepEqual(starts, [DAY0, DAY0 + HOUR]);
    assert.deepEqual(bucketStarts({ from: DAY0, to: DAY0 }, 'hour'), []);
  });
});

describe('peakConcurrency', () => {
  const cases: { name: string; records: ReturnType<typeof rec>[]; initial?: number; peaks: number[] }[] = [
    { name: 'no events and nothing held: every bucket is 0', records: [], peaks: [] },
    {
      name: 'the highest level inside a bucket is its peak, even when it fell again',
      records: [
        rec('OUT', DAY0 + 5 * MINUTE, 1),
        rec('OUT', DAY0 + 6 * MINUTE, 2),
        rec('IN', DAY0 + 7 * MINUTE, 1),
      ],
      peaks: [2, 1, 1],
    },
    {
      name: 'seats held across a quiet hour count in that hour',
      records: [rec('OUT', DAY0 + 10 * MINUTE, 3), rec('IN', DAY0 + 2 * HOUR + 1, 0)],
      peaks: [3, 3, 3],
    },
    {
      name: 'the level at the window start is carried into the first bucket',
      records: [rec('IN', DAY0 + HOUR + 1, 1)],
      initial: 4,
      peaks: [4, 4, 1],
    },
    {
      name: 'denials and queue events do not raise the peak beyond the level they report',
      records: [rec('OUT', DAY0, 2), rec('DENIED', DAY0 + MINUTE, 2), rec('QUEUED', DAY0 + 2 * MINUTE, 2)],
      peaks: [2, 2, 2],
    },
    {
      name: 'events outside the window are ignored',
      records: [rec('OUT', DAY0 - MINUTE, 5), rec('OUT', DAY0 + 3 * HOUR, 6), rec('OUT', DAY0 + HOUR, 1)],
      peaks: [0, 1, 1],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const initialLevels = c.initial ? [{ licenseId: LIC, feature: 'cad', inUse: c.initial }] : [];
      const rows = peakConcurrency(c.records, { window: threeHours, bucket: 'hour', initialLevels });
      assert.deepEqual(peaksOf(rows), c.peaks);
    });
  }

  it('keeps pools apart and attaches their seats', () => {
    const records = [rec('OUT', DAY0, 2), rec('OUT', DAY0 + MINUTE, 1, { feature: 'sim' })];
    const seats = [
      { licenseId: LIC, feature: 'cad', seats: 5 },
      { licenseId: 'lic_b', feature: 'cad', seats: 1 },
    ];
    const rows = peakConcurrency(records, { window: { from: DAY0, to: DAY0 + HOUR }, bucket: 'hour', seats });
    assert.deepEqual(
      rows.map((r) => [r.licenseId, r.feature, r.peak, r.seats]),
      [
        ['lic_a', 'cad', 2, 5],
        ['lic_a', 'sim', 1, null],
        ['lic_b', 'cad', 0, 1],
      ],
    );
  });

  it('buckets by UTC day', () => {
    const records = [
      rec('OUT', DAY0 + 9 * HOUR, 2),
      rec('OUT', DAY0 + 30 * HOUR, 3),
      rec('IN', DAY0 + 31 * HOUR, 0),
    ];
    const rows = peakConcurrency(records, { window: { from: DAY0, to: DAY0 + 72 * HOUR }, bucket: 'day' });
    assert.deepEqual(
      rows.map((r) => [new Date(r.bucketStart).toISOString().slice(0, 10), r.peak]),
      [
        ['2026-03-02', 2],
        ['2026-03-03', 3],
        ['2026-03-04', 0],
      ],
    );
  });

  it('gives the same peaks from SQL-style bucket usage as from the records', () => {
    const records = [rec('OUT', DAY0 + 1, 1), rec('OUT', DAY0 + 2, 2), rec('IN', DAY0 + HOUR + 5, 0)];
    const levels = bucketUsage(records, { window: threeHours, bucket: 'hour' });
    assert.deepEqual(
      { ...levels[0], seatMs: undefined },
      {
        licenseId: LIC,
        feature: 'cad',
        bucketStart: DAY0,
        maxInUse: 2,
        lastInUse: 2,
        firstAt: DAY0 + 1,
        seatMs: undefined,
      },
    );
    assert.deepEqual(
      fillPeaks({ window: threeHours, bucket: 'hour', levels }),
      peakConcurrency(records, { window: threeHours, bucket: 'hour' }),
    );
  });
});
