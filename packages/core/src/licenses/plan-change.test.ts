// Plan changes: worked examples (upgrade on day 100 of 365, downgrade, seat change) and every refusal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quotePlanChange } from './plan-change.ts';
import { day, makeLicense, makePolicy } from './test-fixtures.ts';

const priced = { billingPeriodIso: 'P1Y', maxMachines: 5 } as const;
const basic = makePolicy({ id: 'pol_basic', priceCents: 36_500, ...priced });
const pro = makePolicy({ id: 'pol_pro', priceCents: 73_000, ...priced });
const license = makeLicense({ policyId: 'pol_basic' });

describe('quotePlanChange', () => {
  it('an upgrade on day 100 of 365 credits 265 days of the old plan and charges 265 of the new', () => {
    const r = quotePlanChange(license, basic, pro, undefined, day(100));
    assert.ok(r.ok);
    // 5 seats: credit 5 × 36 500 × 265/365 = 132 500, charge 5 × 73 000 × 265/365 = 265 000.
    assert.deepEqual(
      [r.change.kind, r.change.creditCents, r.change.chargeCents, r.change.netCents],
      ['UPGRADE', 132_500, 265_000, 132_500],
    );
    assert.deepEqual([r.change.termStart, r.change.termEnd], [day(100), day(365)]);
  });

  it('a downgrade on day 300 credits the customer', () => {
    const r = quotePlanChange({ ...license, policyId: 'pol_pro' }, pro, basic, undefined, day(300));
    assert.ok(r.ok);
    // 65 days remain: credit 5 × 73 000 × 65/365 = 65 000, charge 5 × 36 500 × 65/365 = 32 500.
    assert.deepEqual([r.change.kind, r.change.netCents], ['DOWNGRADE', -32_500]);
  });

  it('a seat change from 5 to 8 charges 3 seats for the remaining days and overrides maxMachines', () => {
    const r = quotePlanChange(license, basic, basic, 8, day(100));
    assert.ok(r.ok);
    assert.deepEqual(
      [r.change.kind, r.change.netCents, r.change.overrides],
      ['SEAT_CHANGE', 79_500, { maxMachines: 8 }],
    );
  });

  it('counts seats as users when the terms limit users only', () => {
    const users = makePolicy({ id: 'pol_u', maxUsers: 10, priceCents: 1_000, billingPeriodIso: 'P1Y' });
    const r = quotePlanChange(makeLicense({ policyId: 'pol_u' }), users, users, 12, day(0));
    assert.ok(r.ok);
    assert.deepEqual(
      [r.change.seatLimit, r.change.fromSeats, r.change.overrides],
      ['maxUsers', 10, { maxUsers: 12 }],
    );
  });

  it('quotes an unpriced change at zero', () => {
    const free = makePolicy({ id: 'pol_free', maxMachines: 1 });
    const r = quotePlanChange(makeLicense({ policyId: 'pol_free' }), free, free, 2, day(5));
    assert.ok(r.ok);
    assert.deepEqual([r.change.creditCents, r.change.chargeCents], [0, 0]);
  });

  const refusals: [string, Parameters<typeof quotePlanChange>, string][] = [
    ['a revoked license', [{ ...license, status: 'REVOKED' }, basic, pro, undefined, day(1)], 'REVOKED'],
    ['a trial', [makeLicense({ model: 'TRIAL' }), basic, pro, undefined, day(1)], 'TRIAL'],
    [
      'a policy of another product',
      [license, basic, { ...pro, productId: 'prod_2' }, undefined, day(1)],
      'OTHER_PRODUCT',
    ],
    ['another model', [license, basic, { ...pro, model: 'PERPETUAL' }, undefined, day(1)], 'MODEL_CHANGE'],
    ['no change at all', [license, basic, basic, 5, day(1)], 'NO_CHANGE'],
    ['an expired license', [license, basic, pro, undefined, day(400)], 'OUTSIDE_TERM'],
  ];
  for (const [name, args, code] of refusals) {
    it(`refuses ${name} (${code})`, () => {
      const r = quotePlanChange(...args);
      assert.equal(r.ok ? 'ok' : r.code, code);
    });
  }
});
