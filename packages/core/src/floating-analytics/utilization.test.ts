// Utilization: seat-time used over seat-time available, per window and per bucket, clamped to 0–100.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY0, HOUR, LIC, MINUTE, rec } from './analytics-test-records.ts';
import { utilization } from './utilization.ts';

const twoHours = { from: DAY0, to: DAY0 + 2 * HOUR };
const pool = (seats: number) => [{ licenseId: LIC, feature: 'cad', seats }];

describe('utilization', () => {
  const cases: {
    name: string;
    seats: number;
    changes: ReturnType<typeof rec>[];
    initial?: number;
    percent: number;
    series: number[];
  }[] = [
    { name: 'an idle pool is 0%', seats: 4, changes: [], percent: 0, series: [0, 0] },
    {
      name: 'all seats for half the window is 50%',
      seats: 2,
      changes: [rec('OUT', DAY0 + HOUR, 1), rec('OUT', DAY0 + HOUR, 2)],
      percent: 50,
      series: [0, 100],
    },
    {
      name: 'one of four seats for the whole window is 25%',
      seats: 4,
      changes: [],
      initial: 1,
      percent: 25,
      series: [25, 25],
    },
    {
      name: 'a seat held for 30 minutes of one hour is 50% of that hour',
      seats: 1,
      changes: [rec('OUT', DAY0 + 15 * MINUTE, 1), rec('IN', DAY0 + 45 * MINUTE, 0)],
      percent: 25,
      series: [50, 0],
    },
    {
      name: 'leases beyond the seat count (seats lowered) never push it above 100%',
      seats: 1,
      changes: [],
      initial: 3,
      percent: 100,
      series: [100, 100],
    },
    {
      name: 'a pool without seats is 0%, not a division by zero',
      seats: 0,
      changes: [],
      initial: 1,
      percent: 0,
      series: [0, 0],
    },
    {
      name: 'records that do not change the level (denials) change nothing',
      seats: 2,
      changes: [rec('OUT', DAY0, 1), rec('DENIED', DAY0 + MINUTE, 1), rec('QUEUED', DAY0 + HOUR, 1)],
      percent: 50,
      series: [50, 50],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const initialLevels = c.initial ? [{ licenseId: LIC, feature: 'cad', inUse: c.initial }] : [];
      const [row] = utilization({
        window: twoHours,
        bucket: 'hour',
        seats: pool(c.seats),
        changes: c.changes,
        initialLevels,
      });
      assert.equal(row!.percent, c.percent);
      assert.deepEqual(
        row!.series.map((s) => s.percent),
        c.series,
      );
    });
  }

  it('reports seat-hours used and available', () => {
    const [row] = utilization({
      window: twoHours,
      bucket: 'hour',
      seats: pool(3),
      changes: [rec('OUT', DAY0 + HOUR, 3)],
    });
    assert.deepEqual([row!.seatHoursUsed, row!.seatHoursAvailable], [3, 6]);
  });

  it('counts only the covered part of a partial bucket', () => {
    const window = { from: DAY0 + 30 * MINUTE, to: DAY0 + HOUR };
    const [row] = utilization({
      window,
      bucket: 'hour',
      seats: pool(1),
      changes: [],
      initialLevels: [{ licenseId: LIC, feature: 'cad', inUse: 1 }],
    });
    assert.deepEqual(row!.series, [{ bucketStart: DAY0, percent: 100 }]);
  });

  it('ignores changes of other pools and outside the window', () => {
    const changes = [
      rec('OUT', DAY0, 1, { feature: 'sim' }),
      rec('OUT', DAY0 - HOUR, 1),
      rec('OUT', DAY0 + 2 * HOUR, 1),
    ];
    const [row] = utilization({ window: twoHours, bucket: 'day', seats: pool(1), changes });
    assert.equal(row!.percent, 0);
    assert.equal(row!.series.length, 1);
  });
});
