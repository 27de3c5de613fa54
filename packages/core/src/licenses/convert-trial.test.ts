// Trial conversion: new policy, model and dates from the conversion instant; refusals as data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertTrial } from './convert-trial.ts';
import { day, makeLicense, makePolicy } from './test-fixtures.ts';

describe('convertTrial', () => {
  const trial = makeLicense({ model: 'TRIAL', expiresAt: day(30) });
  const paid = makePolicy({
    id: 'pol_paid',
    model: 'SUBSCRIPTION',
    durationIso: 'P1Y',
    maintenanceDurationIso: 'P1Y',
  });

  it('converts to a paid subscription whose term starts at conversion', () => {
    assert.deepEqual(convertTrial(trial, paid, day(10)), {
      ok: true,
      changes: {
        policyId: 'pol_paid',
        model: 'SUBSCRIPTION',
        startsAt: day(10),
        expiresAt: day(375),
        maintenanceEndsAt: day(375),
      },
    });
  });
  it('converts an expired trial to a perpetual license without expiry', () => {
    const perpetual = makePolicy({ id: 'pol_p', model: 'PERPETUAL', durationIso: null });
    const result = convertTrial(trial, perpetual, day(40));
    assert.deepEqual(result.ok && [result.changes.model, result.changes.expiresAt], ['PERPETUAL', null]);
  });
  it('changes no machine-related field, so machines are kept', () => {
    const result = convertTrial(trial, paid, day(10));
    assert.deepEqual(result.ok && Object.keys(result.changes).sort(), [
      'expiresAt',
      'maintenanceEndsAt',
      'model',
      'policyId',
      'startsAt',
    ]);
  });
  const refusals: [string, Parameters<typeof convertTrial>, string][] = [
    ['a non-trial license', [makeLicense(), paid, day(1)], 'NOT_A_TRIAL'],
    ['a revoked trial', [{ ...trial, status: 'REVOKED' }, paid, day(1)], 'REVOKED'],
    ['a conversion to another trial', [trial, makePolicy({ model: 'TRIAL' }), day(1)], 'TARGET_IS_TRIAL'],
    ['a policy of another product', [trial, { ...paid, productId: 'prod_2' }, day(1)], 'OTHER_PRODUCT'],
  ];
  for (const [what, args, code] of refusals) {
    it(`refuses ${what} with ${code}`, () => {
      const result = convertTrial(...args);
      assert.equal(result.ok ? null : result.code, code);
    });
  }
});
