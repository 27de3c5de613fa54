// Queue waits: nearest-rank percentiles (as SQL percentile_disc), maxima and abandoned entries per feature.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY0, rec } from './analytics-test-records.ts';
import { nearestRank, queueWaitStats } from './queue-wait-stats.ts';

describe('nearestRank', () => {
  const cases: [number[], number, number][] = [
    [[], 0.5, 0],
    [[7], 0.9, 7],
    [[10, 20, 30, 40], 0.5, 20],
    [[10, 20, 30, 40], 0.9, 40],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5, 5],
    [[1, 2, 3], 0, 1],
    [[1, 2, 3], 1, 3],
  ];
  for (const [values, p, expected] of cases) {
    it(`p${p * 100} of [${values.join(',')}] is ${expected}`, () =>
      assert.equal(nearestRank(values, p), expected));
  }
});

describe('queueWaitStats', () => {
  const waited = (feature: string, waitMs: number | null) => rec('DEQUEUED', DAY0, 1, { feature, waitMs });

  it('summarizes DEQUEUED waits per feature, sorted by feature', () => {
    const records = [
      waited('sim', 100),
      waited('cad', 4000),
      waited('cad', 1000),
      waited('cad', 2000),
      waited('cad', 3000),
    ];
    assert.deepEqual(queueWaitStats(records), [
      { feature: 'cad', queued: 0, count: 4, p50Ms: 2000, p90Ms: 4000, maxMs: 4000, abandoned: 0 },
      { feature: 'sim', queued: 0, count: 1, p50Ms: 100, p90Ms: 100, maxMs: 100, abandoned: 0 },
    ]);
  });

  it('counts abandoned entries (QUEUE_EXPIRED), even for a feature where nobody got through', () => {
    const records = [rec('QUEUE_EXPIRED', DAY0, 1), rec('QUEUE_EXPIRED', DAY0, 1)];
    assert.deepEqual(queueWaitStats(records), [
      { feature: 'cad', queued: 0, count: 0, p50Ms: 0, p90Ms: 0, maxMs: 0, abandoned: 2 },
    ]);
  });

  it('counts requests that joined the queue, served or not yet', () => {
    const records = [rec('QUEUED', DAY0, 1), rec('QUEUED', DAY0, 1), waited('cad', 30)];
    assert.deepEqual(queueWaitStats(records), [
      { feature: 'cad', queued: 2, count: 1, p50Ms: 30, p90Ms: 30, maxMs: 30, abandoned: 0 },
    ]);
  });

  it('ignores DEQUEUED records without a wait and every kind but the queue ones', () => {
    const records = [waited('cad', null), rec('OUT', DAY0, 1, { waitMs: 5 }), rec('DENIED', DAY0, 1)];
    assert.deepEqual(queueWaitStats(records), []);
  });
});
