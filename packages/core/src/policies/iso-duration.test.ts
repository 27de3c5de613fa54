// ISO 8601 durations: only positive ones parse; adding them follows the UTC calendar.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { addIsoDuration, isIsoDuration } from './iso-duration.ts';

describe('isIsoDuration', () => {
  const cases: [unknown, boolean][] = [
    ['P1Y', true],
    ['P30D', true],
    ['PT12H', true],
    ['P1Y2M3DT4H5M6S', true],
    ['P2W', true],
    ['P0D', false],
    ['-P1D', false],
    ['P-1D', false],
    ['1 year', false],
    ['', false],
    [null, false],
    [30, false],
  ];
  for (const [iso, expected] of cases) {
    it(`${expected ? 'accepts' : 'refuses'} ${JSON.stringify(iso)}`, () =>
      assert.equal(isIsoDuration(iso), expected));
  }
});

describe('addIsoDuration', () => {
  const cases: [string, string, string][] = [
    ['2025-01-01T00:00:00.000Z', 'P1Y', '2026-01-01T00:00:00.000Z'],
    ['2025-01-31T00:00:00.000Z', 'P1M', '2025-02-28T00:00:00.000Z'],
    ['2024-02-29T10:00:00.000Z', 'P1Y', '2025-02-28T10:00:00.000Z'],
    ['2025-03-29T12:00:00.000Z', 'P2D', '2025-03-31T12:00:00.000Z'],
    ['2025-10-25T23:30:00.000Z', 'PT1H', '2025-10-26T00:30:00.000Z'],
  ];
  for (const [from, iso, expected] of cases) {
    it(`${from} + ${iso} = ${expected} (UTC calendar, no DST effects)`, () => {
      assert.equal(addIsoDuration(new Date(from), iso).toISOString(), expected);
    });
  }
  it('throws INVALID_FIELD for a duration that is not positive ISO 8601', () => {
    assert.throws(
      () => addIsoDuration(new Date(0), 'P0D'),
      (e) => e instanceof AppError && e.code === 'INVALID_FIELD',
    );
  });
  it('always moves strictly forward and does not mutate its argument', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom('P1D', 'P1M', 'P1Y', 'PT1S', 'P2W', 'P1Y6M'),
        (date, iso) => {
          const before = date.getTime();
          return addIsoDuration(date, iso).getTime() > before && date.getTime() === before;
        },
      ),
    );
  });
});
