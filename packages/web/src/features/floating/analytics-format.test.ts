// Analytics labels: UTC bucket names and queue-wait durations.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketLabel, formatWait } from './analytics-format.ts';

describe('analytics labels', () => {
  it('names hour buckets by their UTC hour and day buckets by their UTC date', () => {
    assert.equal(bucketLabel('2026-03-02T14:00:00.000Z', 'hour'), '14:00');
    assert.equal(bucketLabel('2026-03-02T00:00:00.000Z', 'day'), '2 Mar');
  });

  const waits: [number, string][] = [
    [0, '0 ms'],
    [850, '850 ms'],
    [12_500, '12.5 s'],
    [60_000, '1 min'],
    [200_000, '3 min 20 s'],
    [3_600_000, '1 h'],
    [3_900_000, '1 h 5 min'],
  ];
  for (const [ms, text] of waits) it(`says ${ms} ms as "${text}"`, () => assert.equal(formatWait(ms), text));
});
