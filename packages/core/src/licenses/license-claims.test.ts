// License token claims: standard members, the namespaced claim, and a shape check that refuses tampering.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveTerms } from './effective-terms.ts';
import { buildLicenseClaims, LICENSE_CLAIM, TOKEN_TYPES } from './license-claims.ts';
import { parseLicenseClaims } from './parse-license-claims.ts';
import { day, makeLicense, makePolicy, T0 } from './test-fixtures.ts';

const policy = makePolicy({
  maxMachines: 3,
  overage: '1.5X',
  entitlements: [{ code: 'EXPORT' }, { code: 'SEATS', value: 4 }],
});
const license = makeLicense({ maintenanceEndsAt: day(180), boundFingerprints: ['fp-a'] });
const claims = buildLicenseClaims(license, effectiveTerms(policy, license), day(1));

describe('buildLicenseClaims', () => {
  it('carries the standard claims in NumericDate seconds', () => {
    const s = T0.getTime() / 1000;
    assert.deepEqual(
      [claims.iss, claims.sub, claims.aud, claims.iat, claims.nbf, claims.exp],
      ['acct_1', 'lic_1', 'prod_1', s + 86_400, s, s + 365 * 86_400],
    );
  });
  it('carries the terms in one namespaced claim', () => {
    assert.deepEqual(claims[LICENSE_CLAIM], {
      v: 1,
      model: 'SUBSCRIPTION',
      status: 'ACTIVE',
      customer: 'org_1',
      policy: 'pol_1',
      entitlements: [{ code: 'EXPORT' }, { code: 'SEATS', value: 4 }],
      maintenanceEndsAt: T0.getTime() / 1000 + 180 * 86_400,
      limits: { maxMachines: 3, maxUsers: null, overage: '1.5X' },
      versionRange: null,
      boundFingerprints: ['fp-a'],
    });
  });
  it('omits exp for a license that never expires', () => {
    const perpetual = makeLicense({ model: 'PERPETUAL', expiresAt: null });
    assert.equal('exp' in buildLicenseClaims(perpetual, effectiveTerms(policy, perpetual), T0), false);
  });
  it('has a distinct typ per token purpose (domain separation)', () => {
    assert.equal(new Set(Object.values(TOKEN_TYPES)).size, 4);
  });
});

describe('parseLicenseClaims', () => {
  it('accepts what buildLicenseClaims builds, after a JSON round trip', () => {
    assert.deepEqual(parseLicenseClaims(JSON.parse(JSON.stringify(claims))), { ok: true, claims });
  });
  const lic = claims[LICENSE_CLAIM];
  const bad: [string, unknown][] = [
    ['a non-object payload', 'x'],
    ['a missing sub', { ...claims, sub: undefined }],
    ['a fractional iat', { ...claims, iat: 1.5 }],
    ['a string exp', { ...claims, exp: '2026' }],
    ['a missing license claim', { ...claims, [LICENSE_CLAIM]: undefined }],
    ['an unknown claim version', { ...claims, [LICENSE_CLAIM]: { ...lic, v: 2 } }],
    ['an unknown model', { ...claims, [LICENSE_CLAIM]: { ...lic, model: 'FOREVER' } }],
    [
      'a zero machine limit',
      { ...claims, [LICENSE_CLAIM]: { ...lic, limits: { ...lic.limits, maxMachines: 0 } } },
    ],
    ['an entitlement without code', { ...claims, [LICENSE_CLAIM]: { ...lic, entitlements: [{ value: 1 }] } }],
    ['a numeric fingerprint', { ...claims, [LICENSE_CLAIM]: { ...lic, boundFingerprints: [1] } }],
  ];
  for (const [what, payload] of bad) {
    it(`refuses ${what}`, () => assert.equal(parseLicenseClaims(payload).ok, false));
  }
  it('reports every problem at once', () => {
    const result = parseLicenseClaims({ iss: '', sub: '', aud: 'p', iat: -1, nbf: 0 });
    assert.deepEqual(result.ok ? [] : result.errors.length, 4);
  });
});
