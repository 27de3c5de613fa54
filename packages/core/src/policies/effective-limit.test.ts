// Overage ceilings: floor of max × factor, unlimited for ALWAYS and for a null max.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { effectiveLimit } from './effective-limit.ts';
import { OVERAGE_STRATEGIES, type OverageStrategy } from './policy-types.ts';

describe('effectiveLimit', () => {
  const cases: [number | null, OverageStrategy, number][] = [
    [10, 'NO', 10],
    [10, '1.25X', 12],
    [10, '1.5X', 15],
    [10, '2X', 20],
    [10, 'ALWAYS', Number.POSITIVE_INFINITY],
    [1, '1.25X', 1],
    [3, '1.5X', 4],
    [4, '1.25X', 5],
    [null, 'NO', Number.POSITIVE_INFINITY],
  ];
  for (const [max, overage, expected] of cases) {
    it(`allows ${expected} for max ${max} with ${overage}`, () =>
      assert.equal(effectiveLimit(max, overage), expected));
  }

  it('never allows less than the maximum nor more than max × factor', () => {
    const factor = { NO: 1, '1.25X': 1.25, '1.5X': 1.5, '2X': 2, ALWAYS: Number.POSITIVE_INFINITY };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.constantFrom(...OVERAGE_STRATEGIES),
        (max, o) => {
          const limit = effectiveLimit(max, o);
          return limit >= max && limit <= max * factor[o] && (o === 'ALWAYS' || Number.isInteger(limit));
        },
      ),
    );
  });
});
