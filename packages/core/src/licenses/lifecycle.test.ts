// Status transitions: the full table of action × status, and purity.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LicenseStatus } from './license-types.ts';
import {
  LIFECYCLE_ACTIONS,
  type LifecycleAction,
  reinstateLicense,
  revokeLicense,
  suspendLicense,
  transitionLicense,
} from './lifecycle.ts';
import { makeLicense } from './test-fixtures.ts';

describe('transitionLicense', () => {
  const table: Record<LifecycleAction, Record<LicenseStatus, LicenseStatus | null>> = {
    suspend: { ACTIVE: 'SUSPENDED', SUSPENDED: null, REVOKED: null },
    reinstate: { ACTIVE: null, SUSPENDED: 'ACTIVE', REVOKED: null },
    revoke: { ACTIVE: 'REVOKED', SUSPENDED: 'REVOKED', REVOKED: null },
  };
  for (const action of LIFECYCLE_ACTIONS) {
    for (const [from, to] of Object.entries(table[action]) as [LicenseStatus, LicenseStatus | null][]) {
      it(`${action} on ${from} ${to ? `gives ${to}` : 'is refused as INVALID_TRANSITION'}`, () => {
        const license = makeLicense({ status: from });
        const result = transitionLicense(license, action);
        if (to === null) {
          assert.deepEqual(result, {
            ok: false,
            code: 'INVALID_TRANSITION',
            action,
            from,
            detail: `cannot ${action} a ${from} license`,
          });
        } else {
          assert.equal(result.ok, true);
          if (result.ok) assert.deepEqual([result.license.status, result.from, result.to], [to, from, to]);
        }
        assert.equal(license.status, from, 'the input license is never mutated');
      });
    }
  }
  it('the named helpers are the same transitions', () => {
    const active = makeLicense();
    assert.deepEqual(suspendLicense(active), transitionLicense(active, 'suspend'));
    assert.deepEqual(revokeLicense(active), transitionLicense(active, 'revoke'));
    assert.deepEqual(reinstateLicense(makeLicense({ status: 'SUSPENDED' })).ok, true);
  });
});
