// Bucket usage: per pool and bucket, the highest, last and first level and the seat-time after the first event.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY0, HOUR, LIC, MINUTE, rec } from './analytics-test-records.ts';
import { bucketUsage } from './bucket-usage.ts';

const window = { from: DAY0, to: DAY0 + 3 * HOUR };
const seats = [{ licenseId: LIC, feature: 'cad', seats: 3 }];

describe('bucketUsage', () => {
  it('sums level × time until the next event, the bucket end or the window end', () => {
    const records = [
      rec('OUT', DAY0 + 30 * MINUTE, 1),
      rec('OUT', DAY0 + 45 * MINUTE, 2),
      rec('IN', DAY0 + 2 * HOUR + 30 * MINUTE, 0),
    ];
    const rows = bucketUsage(records, { window, bucket: 'hour', seats });
    assert.deepEqual(
      rows.map((r) => [r.bucketStart - DAY0, r.firstAt - DAY0, r.maxInUse, r.lastInUse, r.seatMs]),
      [
        [0, 30 * MINUTE, 2, 2, 15 * MINUTE * 1 + 15 * MINUTE * 2],
        [2 * HOUR, 2 * HOUR + 30 * MINUTE, 0, 0, 0],
      ],
    );
  });

  it('stops the last segment at the window end', () => {
    const rows = bucketUsage([rec('OUT', DAY0 + 2 * HOUR + 50 * MINUTE, 1)], {
      window,
      bucket: 'day',
      seats,
    });
    assert.deepEqual(
      rows.map((r) => [r.bucketStart, r.seatMs]),
      [[DAY0, 10 * MINUTE]],
    );
  });

  it('clamps the level at the seat count, and not for pools of unknown seats', () => {
    const records = [rec('OUT', DAY0, 5), rec('OUT', DAY0, 5, { feature: 'sim' })];
    const rows = bucketUsage(records, { window, bucket: 'hour', seats });
    assert.deepEqual(
      rows.map((r) => [r.feature, r.maxInUse, r.seatMs]),
      [
        ['cad', 5, 3 * HOUR],
        ['sim', 5, 5 * HOUR],
      ],
    );
  });

  it('ignores changes outside the window', () => {
    const records = [rec('OUT', DAY0 - 1, 1), rec('OUT', DAY0 + 3 * HOUR, 1)];
    assert.deepEqual(bucketUsage(records, { window, bucket: 'hour' }), []);
  });
});
