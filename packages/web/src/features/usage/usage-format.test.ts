// The usage page's data shaping: day filling of the counted-users series, denial totals, peaks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countSeries, daysBetween, denialsBy, peaksByFeature } from './usage-format.ts';

describe('usage format', () => {
  it('lists every day between two days, both included', () => {
    assert.deepEqual(daysBetween('2025-02-27', '2025-03-02'), [
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
  });

  it('fills days without an evaluation with the previous values, and 0 before the first', () => {
    const rows = [
      { licenseId: 'lic_a', day: '2025-01-02', countedUsers: 4, userLimit: 5, mode: 'NORMAL' },
      { licenseId: 'lic_b', day: '2025-01-02', countedUsers: 99, userLimit: 5, mode: 'RESTRICTED' },
      { licenseId: 'lic_a', day: '2025-01-04', countedUsers: 7, userLimit: 5, mode: 'GRACE' },
    ];
    assert.deepEqual(countSeries(rows, 'lic_a', '2025-01-01', '2025-01-04'), [
      { day: '2025-01-01', counted: 0, limit: null },
      { day: '2025-01-02', counted: 4, limit: 5 },
      { day: '2025-01-03', counted: 4, limit: 5 },
      { day: '2025-01-04', counted: 7, limit: 5 },
    ]);
  });

  it('sums denials by feature and by user, most first', () => {
    const rows = [
      { day: '2025-01-01', feature: 'cad', user: 'ann', denials: 40 },
      { day: '2025-01-02', feature: 'cad', user: 'bob', denials: 1 },
      { day: '2025-01-02', feature: 'cam', user: 'ann', denials: 2 },
    ];
    assert.deepEqual(denialsBy(rows, 'feature'), [
      { name: 'cad', distinct: 2, raw: 41 },
      { name: 'cam', distinct: 1, raw: 2 },
    ]);
    assert.deepEqual(denialsBy(rows, 'user')[0], { name: 'ann', distinct: 2, raw: 42 });
  });

  it('keeps the highest peak of each feature across licenses', () => {
    const peaks = (feature: string, peak: number) => ({
      licenseId: 'l',
      feature,
      bucketStart: '',
      peak,
      seats: 5,
    });
    assert.deepEqual(
      peaksByFeature([{ peaks: [peaks('cad', 2), peaks('cam', 1)] }, { peaks: [peaks('cad', 4)] }]),
      [
        { feature: 'cad', peak: 4, seats: 5 },
        { feature: 'cam', peak: 1, seats: 5 },
      ],
    );
  });
});
