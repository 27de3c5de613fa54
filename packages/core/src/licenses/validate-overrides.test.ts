// License overrides: one case per rule, valid and invalid, every error reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateLicenseOverrides } from './validate-overrides.ts';

describe('validateLicenseOverrides', () => {
  const valid: [string, unknown][] = [
    ['no overrides at all', {}],
    ['a higher machine limit', { maxMachines: 8 }],
    ['unlimited users (null)', { maxUsers: null }],
    ['another overage strategy', { overage: '1.25X' }],
    [
      'a withheld and an added feature',
      { entitlements: [{ code: 'EXPORT', value: false }, { code: 'API' }] },
    ],
    ['countries and departments', { allowedCountries: ['DE', 'FR'], allowedDepartments: ['R&D'] }],
    ['a version range', { versionRange: '>=2.0.0 <3.0.0' }],
  ];
  for (const [name, input] of valid) {
    it(`accepts ${name}`, () =>
      assert.deepEqual(validateLicenseOverrides(input), { ok: true, value: input }));
  }

  const invalid: [string, unknown, string][] = [
    ['a zero machine limit', { maxMachines: 0 }, 'overrides.maxMachines'],
    ['a fractional user limit', { maxUsers: 2.5 }, 'overrides.maxUsers'],
    ['an unknown overage', { overage: '3X' }, 'overrides.overage'],
    ['an unknown member (typo)', { maxMachine: 3 }, 'overrides.maxMachine'],
    ['a bad country code', { allowedCountries: ['XX'] }, 'overrides.allowedCountries'],
    ['a duplicated department', { allowedDepartments: ['a', 'a'] }, 'overrides.allowedDepartments'],
    ['a blank department', { allowedDepartments: [' '] }, 'overrides.allowedDepartments'],
    ['a bad version range', { versionRange: 'two-ish' }, 'overrides.versionRange'],
    ['entitlements that are not a list', { entitlements: 'EXPORT' }, 'overrides.entitlements'],
    ['a non-object', [1], 'overrides'],
  ];
  for (const [name, input, field] of invalid) {
    it(`refuses ${name}`, () => {
      const r = validateLicenseOverrides(input);
      assert.equal(r.ok, false);
      if (!r.ok)
        assert.ok(
          r.errors.some((e) => e.field === field),
          JSON.stringify(r.errors),
        );
    });
  }

  it('reports every error, not the first', () => {
    const r = validateLicenseOverrides({ maxMachines: -1, overage: 'x', versionRange: '?' });
    assert.equal(r.ok ? 0 : r.errors.length, 3);
  });
});
