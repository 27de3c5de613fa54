// Renewals: from expiry or from now per policy; refused for revoked licenses and non-subscriptions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renewLicense } from './renew-license.ts';
import { day, makeLicense, makePolicy } from './test-fixtures.ts';

describe('renewLicense', () => {
  const license = makeLicense({ expiresAt: new Date('2025-06-01T00:00:00Z') });
  const cases: [string, Parameters<typeof renewLicense>, string | null][] = [
    [
      'renewing early from EXPIRY keeps the unused days',
      [license, makePolicy({ renewFrom: 'EXPIRY' }), day(100)],
      '2026-06-01T00:00:00.000Z',
    ],
    [
      'renewing late from EXPIRY pays for the lapsed days',
      [license, makePolicy({ renewFrom: 'EXPIRY' }), day(200)],
      '2026-06-01T00:00:00.000Z',
    ],
    [
      'renewing from NOW starts a fresh term',
      [license, makePolicy({ renewFrom: 'NOW' }), day(100)],
      '2026-04-11T00:00:00.000Z',
    ],
    [
      'a subscription without expiry renews from now',
      [makeLicense({ expiresAt: null }), makePolicy({ durationIso: 'P1M' }), day(0)],
      '2025-02-01T00:00:00.000Z',
    ],
  ];
  for (const [guarantee, args, expected] of cases) {
    it(guarantee, () => {
      const result = renewLicense(...args);
      assert.equal(result.ok && result.expiresAt.toISOString(), expected);
    });
  }
  it('refuses a revoked license', () => {
    assert.equal(renewLicense(makeLicense({ status: 'REVOKED' }), makePolicy(), day(1)).ok, false);
  });
  it('refuses perpetual and trial licenses as NOT_RENEWABLE', () => {
    for (const model of ['PERPETUAL', 'TRIAL'] as const) {
      const result = renewLicense(makeLicense({ model }), makePolicy({ model }), day(1));
      assert.deepEqual(result.ok ? null : result.code, 'NOT_RENEWABLE');
    }
  });
});
