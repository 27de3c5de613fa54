// The billing period containing an instant: anchored at expiry for expiring licenses, at start otherwise.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currentBillingTerm } from './billing-term.ts';
import { day, T0 } from './test-fixtures.ts';

describe('currentBillingTerm', () => {
  const cases: [string, { startsAt: Date; expiresAt: Date | null }, string, Date, [Date, Date] | null][] = [
    [
      'a yearly license on day 100 is in its first year',
      { startsAt: T0, expiresAt: day(365) },
      'P1Y',
      day(100),
      [T0, day(365)],
    ],
    [
      'a two-year license billed yearly is in its second year on day 400 (anchored at expiry)',
      { startsAt: T0, expiresAt: day(730) },
      'P1Y',
      day(400),
      [day(365), day(730)],
    ],
    [
      'a monthly non-expiring license steps forward from its start',
      { startsAt: T0, expiresAt: null },
      'P1M',
      day(40),
      [new Date('2025-02-01T00:00:00Z'), new Date('2025-03-01T00:00:00Z')],
    ],
    [
      'the first instant of a period belongs to it',
      { startsAt: T0, expiresAt: day(365) },
      'P1Y',
      T0,
      [T0, day(365)],
    ],
    ['an expired license has no current term', { startsAt: T0, expiresAt: day(365) }, 'P1Y', day(365), null],
    [
      'a license not started yet has no current term',
      { startsAt: day(10), expiresAt: day(375) },
      'P1Y',
      day(1),
      null,
    ],
    ['an invalid duration gives no term', { startsAt: T0, expiresAt: day(365) }, 'one year', day(1), null],
  ];
  for (const [name, license, iso, now, expected] of cases) {
    it(name, () => {
      const term = currentBillingTerm(license, iso, now);
      assert.deepEqual(term && [term.start, term.end], expected);
    });
  }
});
