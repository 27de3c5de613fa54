// Policy input validation: field formats, model consistency and defaults.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCountryCode } from './country-codes.ts';
import type { PolicyInput } from './policy-types.ts';
import { POLICY_DEFAULTS, validatePolicyInput } from './validate-policy.ts';

const subscription: PolicyInput = {
  name: 'Pro yearly',
  model: 'SUBSCRIPTION',
  durationIso: 'P1Y',
  priceCents: 120_00,
  billingPeriodIso: 'P1Y',
  maxMachines: 5,
};

function fieldsOf(input: PolicyInput): string[][] {
  const result = validatePolicyInput(input);
  return result.ok ? [] : result.errors.map((e) => [e.field, e.reason]);
}

describe('validatePolicyInput', () => {
  it('fills every default for a minimal perpetual policy', () => {
    assert.deepEqual(validatePolicyInput({ name: ' Perpetual ', model: 'PERPETUAL' }), {
      ok: true,
      value: { ...POLICY_DEFAULTS, name: 'Perpetual', model: 'PERPETUAL' },
    });
  });

  const valid: [string, PolicyInput][] = [
    ['a priced subscription with grace', { ...subscription, gracePeriodIso: 'P14D', overage: '1.25X' }],
    [
      'a trial from first activation',
      { name: 'T', model: 'TRIAL', durationIso: 'P30D', trialStartsAt: 'FIRST_ACTIVATION' },
    ],
    [
      'a floating policy with borrowing',
      { name: 'F', model: 'FLOATING', maxMachines: 20, maxBorrowHours: 168 },
    ],
    [
      'a node-locked policy',
      { name: 'N', model: 'NODE_LOCKED', maxMachines: 1, heartbeatIntervalSeconds: 600 },
    ],
    [
      'a site license limited to places',
      { name: 'S', model: 'SITE', allowedCountries: ['SE', 'NO'], allowedDepartments: ['R&D'] },
    ],
    [
      'a perpetual with maintenance and range',
      { name: 'P', model: 'PERPETUAL', maintenanceDurationIso: 'P1Y', versionRange: '^2.0.0' },
    ],
    [
      'entitlements with values',
      { ...subscription, entitlements: [{ code: 'EXPORT' }, { code: 'SEATS_MAX', value: 5 }] },
    ],
  ];
  for (const [what, input] of valid) {
    it(`accepts ${what}`, () => assert.deepEqual(fieldsOf(input), []));
  }

  const invalid: [string, PolicyInput, string[][]][] = [
    ['an unknown model', { name: 'x', model: 'LEASE' as never }, [['model', 'NOT_ALLOWED']]],
    ['a non-ISO duration', { ...subscription, durationIso: '1 year' }, [['durationIso', 'INVALID_FORMAT']]],
    ['an unknown overage', { ...subscription, overage: '3X' as never }, [['overage', 'NOT_ALLOWED']]],
    ['zero machines', { ...subscription, maxMachines: 0 }, [['maxMachines', 'OUT_OF_RANGE']]],
    [
      'a 5-second heartbeat',
      { ...subscription, heartbeatIntervalSeconds: 5 },
      [['heartbeatIntervalSeconds', 'OUT_OF_RANGE']],
    ],
    ['fractional cents', { ...subscription, priceCents: 9.5 }, [['priceCents', 'OUT_OF_RANGE']]],
    [
      'a bad version range',
      { ...subscription, versionRange: 'two-ish' },
      [['versionRange', 'INVALID_FORMAT']],
    ],
    [
      'an unknown country',
      { ...subscription, allowedCountries: ['UK'] },
      [['allowedCountries', 'INVALID_FORMAT']],
    ],
    [
      'a country twice',
      { ...subscription, allowedCountries: ['SE', 'SE'] },
      [['allowedCountries', 'INCONSISTENT']],
    ],
    [
      'a blank department',
      { ...subscription, allowedDepartments: [' '] },
      [['allowedDepartments', 'INVALID_FORMAT']],
    ],
    [
      'a bad entitlement code',
      { ...subscription, entitlements: [{ code: 'x' }] },
      [['entitlements.0.code', 'INVALID_FORMAT']],
    ],
    [
      'an entitlement twice',
      { ...subscription, entitlements: [{ code: 'A' }, { code: 'A' }] },
      [['entitlements', 'INCONSISTENT']],
    ],
    [
      'a subscription without duration',
      { ...subscription, durationIso: null },
      [['durationIso', 'REQUIRED']],
    ],
    ['a trial without duration', { name: 'T', model: 'TRIAL' }, [['durationIso', 'REQUIRED']]],
    [
      'a perpetual with a duration',
      { name: 'P', model: 'PERPETUAL', durationIso: 'P1Y' },
      [['durationIso', 'INCONSISTENT']],
    ],
    ['a floating policy without seats', { name: 'F', model: 'FLOATING' }, [['maxMachines', 'REQUIRED']]],
    [
      'a node-locked policy without machines',
      { name: 'N', model: 'NODE_LOCKED' },
      [['maxMachines', 'REQUIRED']],
    ],
    [
      'borrowing on a subscription',
      { ...subscription, maxBorrowHours: 24 },
      [['maxBorrowHours', 'INCONSISTENT']],
    ],
    [
      'first-activation start on a subscription',
      { ...subscription, trialStartsAt: 'FIRST_ACTIVATION' },
      [['trialStartsAt', 'INCONSISTENT']],
    ],
    [
      'a grace period on a trial',
      { name: 'T', model: 'TRIAL', durationIso: 'P7D', gracePeriodIso: 'P1D' },
      [['gracePeriodIso', 'INCONSISTENT']],
    ],
    [
      'a billing period without price',
      { name: 'P', model: 'PERPETUAL', billingPeriodIso: 'P1M' },
      [['billingPeriodIso', 'INCONSISTENT']],
    ],
    [
      'a priced subscription without billing period',
      { ...subscription, billingPeriodIso: null },
      [['billingPeriodIso', 'REQUIRED']],
    ],
    [
      'several bad fields at once',
      { ...subscription, name: '', maxUsers: -3, durationIso: 'P0D' },
      [
        ['name', 'REQUIRED'],
        ['durationIso', 'INVALID_FORMAT'],
        ['maxUsers', 'OUT_OF_RANGE'],
      ],
    ],
  ];
  for (const [what, input, expected] of invalid) {
    it(`rejects ${what}`, () => assert.deepEqual(fieldsOf(input), expected));
  }
});

describe('isCountryCode', () => {
  it('knows the 249 assigned codes, upper case only', () => {
    assert.equal(isCountryCode('SE'), true);
    assert.equal(isCountryCode('GB'), true);
    for (const bad of ['UK', 'EU', 'XK', 'se', 'SWE', '']) assert.equal(isCountryCode(bad), false, bad);
  });
});
