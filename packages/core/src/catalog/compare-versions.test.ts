// Release ordering: semantic-version precedence, not text order, with a total order on ties.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareVersions } from './compare-versions.ts';

describe('compareVersions', () => {
  const cases: [string, string, -1 | 0 | 1][] = [
    ['1.9.0', '1.10.0', -1],
    ['2.0.0', '10.0.0', -1],
    ['2.0.0-rc.1', '2.0.0', -1],
    ['2.0.0-alpha', '2.0.0-beta', -1],
    ['1.5.0', '1.5.0', 0],
    ['1.0.0+build.1', '1.0.0+build.2', -1],
    ['3.0.0', '1.0.0', 1],
    ['not-a-version', '1.0.0', 1],
  ];
  for (const [a, b, expected] of cases) {
    it(`orders ${a} ${expected < 0 ? 'before' : expected > 0 ? 'after' : 'with'} ${b}`, () => {
      assert.equal(Math.sign(compareVersions(a, b)), expected);
      assert.equal(Math.sign(compareVersions(b, a)), -expected || 0);
    });
  }

  it('sorts a list by precedence', () => {
    assert.deepEqual(['1.10.0', '1.9.0', '2.0.0-rc.1', '1.0.0'].sort(compareVersions), [
      '1.0.0',
      '1.9.0',
      '1.10.0',
      '2.0.0-rc.1',
    ]);
  });
});
