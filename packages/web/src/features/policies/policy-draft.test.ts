// The create-policy form's conversion to the API body: what is left out, split and converted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EMPTY_DRAFT, parseEntitlements, toPolicyInput } from './policy-draft.ts';

describe('policy draft to API body', () => {
  test('blank boxes are left out so the server defaults apply', () => {
    const body = toPolicyInput({ ...EMPTY_DRAFT, productId: 'prod_1', name: ' Pro ', model: 'PERPETUAL' });
    assert.deepEqual(body, {
      productId: 'prod_1',
      name: 'Pro',
      model: 'PERPETUAL',
      overage: 'NO',
      allowedCountries: [],
      allowedDepartments: [],
      entitlements: [],
      renewFrom: 'EXPIRY',
    });
  });

  test('numbers, lists and the price in currency units become API values', () => {
    const body = toPolicyInput({
      ...EMPTY_DRAFT,
      productId: 'prod_1',
      name: 'Pro',
      durationIso: 'P1Y',
      maxMachines: '5',
      allowedCountries: 'de, fr',
      price: '19.99',
      billingPeriodIso: 'P1M',
    });
    assert.equal(body.maxMachines, 5);
    assert.deepEqual(body.allowedCountries, ['DE', 'FR']);
    assert.equal(body.priceCents, 1999);
    assert.equal(body.durationIso, 'P1Y');
  });

  test('trial start and borrow hours are sent only for the models they belong to', () => {
    const sub = toPolicyInput({ ...EMPTY_DRAFT, trialStartsAt: 'FIRST_ACTIVATION', maxBorrowHours: '8' });
    assert.equal('trialStartsAt' in sub, false);
    assert.equal('maxBorrowHours' in sub, false);
    const trial = toPolicyInput({ ...EMPTY_DRAFT, model: 'TRIAL', trialStartsAt: 'FIRST_ACTIVATION' });
    assert.equal(trial.trialStartsAt, 'FIRST_ACTIVATION');
    assert.equal(toPolicyInput({ ...EMPTY_DRAFT, model: 'FLOATING', maxBorrowHours: '8' }).maxBorrowHours, 8);
  });

  test('entitlement lines keep typed values: numbers, booleans, text', () => {
    assert.deepEqual(parseEntitlements('EXPORT_PDF\n\n MAX_PROJECTS=10 \nBETA=true\nTIER=gold'), [
      { code: 'EXPORT_PDF' },
      { code: 'MAX_PROJECTS', value: 10 },
      { code: 'BETA', value: true },
      { code: 'TIER', value: 'gold' },
    ]);
  });
});
