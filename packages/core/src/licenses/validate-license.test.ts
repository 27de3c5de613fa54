// Validation decisions: status, time, machine and user codes, all violations reported, the most severe as the code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { day, machinesOf, makeLicense, makePolicy, makeSnapshot } from './test-fixtures.ts';
import { type LicenseSnapshot, type ValidationScope, validateLicense } from './validate-license.ts';
import { severityOf, VALIDATION_CODES, type ValidationCode, WARNING_CODES } from './validation-codes.ts';

const releases = [
  { version: '1.0.0', releasedAt: day(-100) },
  { version: '1.1.0', releasedAt: day(180) },
  { version: '2.0.0', releasedAt: day(181) },
];
const nodeLocked = makeSnapshot(
  makeLicense({ model: 'NODE_LOCKED' }),
  makePolicy({ model: 'NODE_LOCKED', maxMachines: 1 }),
  {
    machines: [{ fingerprint: 'fp-a' }],
  },
);
const tenMachines = makePolicy({ maxMachines: 10, overage: '1.25X', maxUsers: 10 });

// [guarantee, snapshot, scope, now, expected code, expected valid, expected violation codes]
const cases: [string, LicenseSnapshot, ValidationScope, Date, ValidationCode, boolean, ValidationCode[]][] = [
  ['an active license in its term is VALID', makeSnapshot(makeLicense()), {}, day(10), 'VALID', true, []],
  [
    'a revoked license is REVOKED',
    makeSnapshot(makeLicense({ status: 'REVOKED' })),
    {},
    day(1),
    'REVOKED',
    false,
    ['REVOKED'],
  ],
  [
    'a suspended license is SUSPENDED',
    makeSnapshot(makeLicense({ status: 'SUSPENDED' })),
    {},
    day(1),
    'SUSPENDED',
    false,
    ['SUSPENDED'],
  ],
  [
    'a license at its expiry instant is EXPIRED',
    makeSnapshot(makeLicense()),
    {},
    day(365),
    'EXPIRED',
    false,
    ['EXPIRED'],
  ],
  [
    'an expired license inside its grace period is valid with IN_GRACE_PERIOD',
    makeSnapshot(makeLicense(), makePolicy({ gracePeriodIso: 'P14D' })),
    {},
    day(370),
    'IN_GRACE_PERIOD',
    true,
    [],
  ],
  [
    'after the grace period the license is EXPIRED',
    makeSnapshot(makeLicense(), makePolicy({ gracePeriodIso: 'P14D' })),
    {},
    day(379),
    'EXPIRED',
    false,
    ['EXPIRED'],
  ],
  [
    'a license before its start is NOT_YET_VALID',
    makeSnapshot(makeLicense({ startsAt: day(5) })),
    {},
    day(4),
    'NOT_YET_VALID',
    false,
    ['NOT_YET_VALID'],
  ],
  [
    'an ended trial is TRIAL_EXPIRED, never in grace',
    makeSnapshot(
      makeLicense({ model: 'TRIAL', expiresAt: day(30) }),
      makePolicy({ model: 'TRIAL', durationIso: 'P30D', gracePeriodIso: 'P7D' }),
    ),
    {},
    day(31),
    'TRIAL_EXPIRED',
    false,
    ['TRIAL_EXPIRED'],
  ],
  [
    'a trial not yet activated (no expiry) is VALID',
    makeSnapshot(makeLicense({ model: 'TRIAL', expiresAt: null })),
    {},
    day(400),
    'VALID',
    true,
    [],
  ],
  [
    'a node-locked license without fingerprint is FINGERPRINT_REQUIRED',
    nodeLocked,
    {},
    day(1),
    'FINGERPRINT_REQUIRED',
    false,
    ['FINGERPRINT_REQUIRED'],
  ],
  [
    'a node-locked license on another machine is FINGERPRINT_MISMATCH',
    nodeLocked,
    { fingerprint: 'fp-b' },
    day(1),
    'FINGERPRINT_MISMATCH',
    false,
    ['FINGERPRINT_MISMATCH'],
  ],
  [
    'a node-locked license on its machine is VALID',
    nodeLocked,
    { fingerprint: 'fp-a' },
    day(1),
    'VALID',
    true,
    [],
  ],
  [
    'a license bound to fingerprints refuses other machines',
    makeSnapshot(makeLicense({ boundFingerprints: ['fp-z'] })),
    { fingerprint: 'fp-y' },
    day(1),
    'FINGERPRINT_MISMATCH',
    false,
    ['FINGERPRINT_MISMATCH'],
  ],
  [
    '10 machines of 10 are VALID',
    makeSnapshot(makeLicense(), tenMachines, { machines: machinesOf(10) }),
    {},
    day(1),
    'VALID',
    true,
    [],
  ],
  [
    '12 machines of 10 with 1.25X are valid with OVERAGE',
    makeSnapshot(makeLicense(), tenMachines, { machines: machinesOf(12) }),
    {},
    day(1),
    'OVERAGE',
    true,
    [],
  ],
  [
    '13 machines of 10 with 1.25X are TOO_MANY_MACHINES',
    makeSnapshot(makeLicense(), tenMachines, { machines: machinesOf(13) }),
    {},
    day(1),
    'TOO_MANY_MACHINES',
    false,
    ['TOO_MANY_MACHINES'],
  ],
  [
    '11 users of 10 with 1.25X are valid with OVERAGE',
    makeSnapshot(makeLicense(), tenMachines, { activeUserCount: 11 }),
    { user: 'u' },
    day(1),
    'OVERAGE',
    true,
    [],
  ],
  [
    '13 users of 10 with 1.25X are USER_LIMIT_EXCEEDED',
    makeSnapshot(makeLicense(), tenMachines, { activeUserCount: 13 }),
    { user: 'u' },
    day(1),
    'USER_LIMIT_EXCEEDED',
    false,
    ['USER_LIMIT_EXCEEDED'],
  ],
];

describe('validateLicense', () => {
  for (const [guarantee, snapshot, scope, now, code, valid, violations] of cases) {
    it(guarantee, () => {
      const result = validateLicense(snapshot, scope, now);
      assert.equal(result.code, code);
      assert.equal(result.valid, valid);
      assert.deepEqual(
        result.violations.map((v) => v.code),
        violations,
      );
    });
  }

  it('an expired, over-limit, wrong-version license reports all three violations and is invalid', () => {
    const snapshot = makeSnapshot(makeLicense(), makePolicy({ maxMachines: 2, versionRange: '^1.0.0' }), {
      machines: machinesOf(3),
    });
    const result = validateLicense(snapshot, { version: '2.0.0' }, day(400));
    assert.equal(result.valid, false);
    assert.equal(result.code, 'EXPIRED');
    assert.deepEqual(
      result.violations.map((v) => v.code),
      ['EXPIRED', 'TOO_MANY_MACHINES', 'VERSION_NOT_COVERED'],
    );
  });

  it('an overage does not hide an expiry (unlike a first-match chain)', () => {
    const snapshot = makeSnapshot(makeLicense(), tenMachines, { machines: machinesOf(11) });
    const result = validateLicense(snapshot, {}, day(366));
    assert.deepEqual(
      [result.valid, result.code, result.warnings.map((w) => w.code)],
      [false, 'EXPIRED', ['OVERAGE']],
    );
  });

  it('a revoked license that has not started reports REVOKED before NOT_YET_VALID', () => {
    const result = validateLicense(
      makeSnapshot(makeLicense({ status: 'REVOKED', startsAt: day(10) })),
      {},
      day(1),
    );
    assert.deepEqual(
      result.violations.map((v) => v.code),
      ['REVOKED', 'NOT_YET_VALID'],
    );
  });

  it('valid is true exactly when there is no violation, and code is the most severe issue', () => {
    const codes: readonly ValidationCode[] = VALIDATION_CODES.filter(
      (c) => c !== 'VALID' && c !== 'NOT_FOUND',
    );
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.constantFrom('ACTIVE', 'SUSPENDED', 'REVOKED' as const),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: -10, max: 800 }),
        fc.option(fc.constantFrom('1.0.0', '2.0.0', 'x'), { nil: undefined }),
        (grace, status, machines, at, version) => {
          const policy = makePolicy({
            maxMachines: 10,
            overage: '1.5X',
            versionRange: '^1.0.0',
            gracePeriodIso: grace ? 'P30D' : null,
          });
          const snapshot = makeSnapshot(makeLicense({ status }), policy, {
            machines: machinesOf(machines),
            releases,
          });
          const r = validateLicense(snapshot, version === undefined ? {} : { version }, day(at));
          const all = [...r.violations, ...r.warnings].map((i) => severityOf(i.code));
          return (
            r.valid === (r.violations.length === 0) &&
            r.violations.every((v) => codes.includes(v.code) && !WARNING_CODES.has(v.code)) &&
            r.warnings.every((w) => WARNING_CODES.has(w.code)) &&
            (all.length === 0 ? r.code === 'VALID' : severityOf(r.code) === Math.min(...all))
          );
        },
      ),
    );
  });
});
