// License file claims: bound fingerprint and an expiry that never outlives the license.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveTerms } from './effective-terms.ts';
import { LICENSE_CLAIM, numericDate } from './license-claims.ts';
import {
  buildMachineFileClaims,
  DEFAULT_LICENSE_FILE_TTL_SECONDS,
  MACHINE_CLAIM,
} from './machine-file-claims.ts';
import { day, makeLicense, makePolicy, T0 } from './test-fixtures.ts';

const fp = 'f'.repeat(64);
const claimsOf = (license = makeLicense(), at = T0, ttl?: number) =>
  buildMachineFileClaims(license, effectiveTerms(makePolicy(), license), fp, at, ttl);

describe('buildMachineFileClaims', () => {
  const cases: [string, ReturnType<typeof claimsOf>, number][] = [
    [
      'expires after the default 30 days when the license lasts longer',
      claimsOf(),
      numericDate(T0) + DEFAULT_LICENSE_FILE_TTL_SECONDS,
    ],
    [
      'expires with the license when the license ends first',
      claimsOf(makeLicense(), day(360)),
      numericDate(day(365)),
    ],
    [
      'expires after the TTL for a license that never expires',
      claimsOf(makeLicense({ expiresAt: null }), T0, 3600),
      numericDate(T0) + 3600,
    ],
  ];
  for (const [name, claims, exp] of cases) it(name, () => assert.equal(claims.exp, exp));

  it('binds the fingerprint and keeps the license claim', () => {
    const claims = claimsOf();
    assert.deepEqual(claims[MACHINE_CLAIM], { fingerprint: fp });
    assert.equal(claims[LICENSE_CLAIM].model, 'SUBSCRIPTION');
    assert.equal(claims.sub, 'lic_1');
  });
});
