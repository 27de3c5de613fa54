// Effective terms: license overrides win over the policy, absent overrides inherit, null means unlimited.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveTerms, mergeEntitlements } from './effective-terms.ts';
import { makeLicense, makePolicy } from './test-fixtures.ts';

const policy = makePolicy({
  maxMachines: 5,
  maxUsers: 20,
  overage: 'NO',
  allowedCountries: ['SE'],
  versionRange: '^1.0.0',
  entitlements: [{ code: 'EXPORT' }, { code: 'PROJECTS', value: 5 }],
});

describe('effectiveTerms', () => {
  it('inherits every policy term when the license overrides nothing', () => {
    const terms = effectiveTerms(policy, makeLicense());
    assert.deepEqual(
      [terms.maxMachines, terms.maxUsers, terms.overage, terms.allowedCountries, terms.versionRange],
      [5, 20, 'NO', ['SE'], '^1.0.0'],
    );
  });
  it('applies license overrides, null meaning unlimited or unrestricted', () => {
    const license = makeLicense({
      overrides: { maxMachines: null, maxUsers: 50, overage: '2X', allowedCountries: [], versionRange: null },
      boundFingerprints: ['fp-1'],
    });
    const terms = effectiveTerms(policy, license);
    assert.deepEqual(
      [
        terms.maxMachines,
        terms.maxUsers,
        terms.overage,
        terms.allowedCountries,
        terms.versionRange,
        terms.boundFingerprints,
      ],
      [null, 50, '2X', [], null, ['fp-1']],
    );
  });
  it('takes the model from the license, which is fixed at issue', () => {
    assert.equal(effectiveTerms(policy, makeLicense({ model: 'TRIAL' })).model, 'TRIAL');
  });
  it('does not share arrays with its inputs', () => {
    const license = makeLicense({ boundFingerprints: ['fp-1'] });
    const terms = effectiveTerms(policy, license);
    terms.allowedCountries.push('NO');
    terms.boundFingerprints.push('fp-2');
    assert.deepEqual([policy.allowedCountries, license.boundFingerprints], [['SE'], ['fp-1']]);
  });
});

describe('mergeEntitlements', () => {
  it('overrides by code, adds new codes, withholds false values, sorts by code', () => {
    assert.deepEqual(
      mergeEntitlements(policy.entitlements, [
        { code: 'PROJECTS', value: 50 },
        { code: 'EXPORT', value: false },
        { code: 'AI' },
      ]),
      [{ code: 'AI' }, { code: 'PROJECTS', value: 50 }],
    );
  });
});
