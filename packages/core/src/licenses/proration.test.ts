// Proration worked examples (upgrade on day 100 of 365, downgrade, seat change) and invariants.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../errors/app-error.ts';
import { type ProrationInput, prorateChange, roundedShare } from './proration.ts';
import { day, T0 } from './test-fixtures.ts';

const year = { periodStart: T0, periodEnd: day(365) };

describe('prorateChange', () => {
  const examples: [string, ProrationInput, [number, number, number, number]][] = [
    // 100 of 365 days used, 265 remain: credit 36 500 × 265/365 = 26 500, charge 73 000 × 265/365 = 53 000.
    [
      'an upgrade on day 100 of 365 charges the difference for 265 days',
      { ...year, oldPriceCents: 36_500, newPriceCents: 73_000, changeAt: day(100) },
      [26_500, 53_000, 26_500, 265],
    ],
    // 10 000 × 265/365 = 7 260.27 → 7 260; 20 000 × 265/365 = 14 520.55 → 14 521.
    [
      'an upgrade with uneven cents rounds each side to whole cents',
      { ...year, oldPriceCents: 10_000, newPriceCents: 20_000, changeAt: day(100) },
      [7_260, 14_521, 7_261, 265],
    ],
    // Downgrade on day 300: 65 days remain; credit 120 000 × 65/365 = 21 369.86 → 21 370; charge 60 000 × 65/365 = 10 684.93 → 10 685.
    [
      'a downgrade on day 300 credits the customer',
      { ...year, oldPriceCents: 120_000, newPriceCents: 60_000, changeAt: day(300) },
      [21_370, 10_685, -10_685, 65],
    ],
    // 5 → 8 seats at 36 500 per seat on day 100: credit 5 × 26 500, charge 8 × 26 500.
    [
      'a seat change from 5 to 8 charges 3 seats for the remaining days',
      { ...year, oldPriceCents: 36_500, newPriceCents: 36_500, oldSeats: 5, newSeats: 8, changeAt: day(100) },
      [132_500, 212_000, 79_500, 265],
    ],
    [
      'a change on the first day swaps the whole period',
      { ...year, oldPriceCents: 1_000, newPriceCents: 3_000, changeAt: T0 },
      [1_000, 3_000, 2_000, 365],
    ],
    [
      'a change at noon counts its day as remaining',
      { ...year, oldPriceCents: 36_500, newPriceCents: 73_000, changeAt: day(100.5) },
      [26_500, 53_000, 26_500, 265],
    ],
  ];
  for (const [guarantee, input, [credit, charge, net, remaining]] of examples) {
    it(guarantee, () => {
      const r = prorateChange(input);
      assert.deepEqual(
        [r.creditCents, r.chargeCents, r.netCents, r.remainingDays, r.periodDays],
        [credit, charge, net, remaining, 365],
      );
      assert.deepEqual([r.newTermStart, r.newTermEnd], [input.changeAt, input.periodEnd]);
    });
  }

  const invalid: [string, Partial<ProrationInput>, string][] = [
    ['a change before the period', { changeAt: day(-1) }, 'changeAt'],
    ['a change at the period end', { changeAt: day(365) }, 'changeAt'],
    ['an empty period', { periodEnd: T0 }, 'periodEnd'],
    ['fractional cents', { oldPriceCents: 1.5 }, 'oldPriceCents'],
    ['zero seats', { newSeats: 0 }, 'newSeats'],
  ];
  for (const [what, patch, field] of invalid) {
    it(`throws INVALID_FIELD on ${field} for ${what}`, () => {
      const input = { ...year, oldPriceCents: 100, newPriceCents: 200, changeAt: day(1), ...patch };
      assert.throws(
        () => prorateChange(input),
        (e) => e instanceof AppError && e.code === 'INVALID_FIELD' && e.field === field,
      );
    });
  }

  it('rounds halves to even', () => {
    assert.deepEqual(
      [roundedShare(1, 1, 2), roundedShare(3, 1, 2), roundedShare(5, 1, 2), roundedShare(7, 1, 4)],
      [0, 2, 2, 2],
    );
  });

  it('same plan and seats nets zero; credit never exceeds the old price; upgrades never refund', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 364 }),
        (a, b, d) => {
          const same = prorateChange({ ...year, oldPriceCents: a, newPriceCents: a, changeAt: day(d) });
          const up = prorateChange({
            ...year,
            oldPriceCents: Math.min(a, b),
            newPriceCents: Math.max(a, b),
            changeAt: day(d),
          });
          return same.netCents === 0 && same.creditCents <= a && up.netCents >= 0;
        },
      ),
    );
  });
});
