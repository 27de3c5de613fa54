// Issue dates and trial start: durations from the start, deferred trials, no double start.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialLicenseDates, trialExpiry } from './license-dates.ts';
import { day, makePolicy, T0 } from './test-fixtures.ts';

describe('initialLicenseDates', () => {
  it('a yearly subscription expires one calendar year after its start', () => {
    assert.deepEqual(initialLicenseDates(makePolicy(), T0), {
      startsAt: T0,
      expiresAt: new Date('2026-01-01T00:00:00Z'),
      maintenanceEndsAt: null,
    });
  });
  it('a perpetual license never expires but its maintenance ends', () => {
    const policy = makePolicy({ model: 'PERPETUAL', durationIso: null, maintenanceDurationIso: 'P6M' });
    assert.deepEqual(initialLicenseDates(policy, T0, day(10)), {
      startsAt: day(10),
      expiresAt: null,
      maintenanceEndsAt: new Date('2025-07-11T00:00:00Z'),
    });
  });
  it('a trial from issue expires after its duration', () => {
    const policy = makePolicy({ model: 'TRIAL', durationIso: 'P30D' });
    assert.deepEqual(initialLicenseDates(policy, T0).expiresAt, day(30));
  });
  it('a trial from first activation has no expiry yet', () => {
    const policy = makePolicy({ model: 'TRIAL', durationIso: 'P30D', trialStartsAt: 'FIRST_ACTIVATION' });
    assert.equal(initialLicenseDates(policy, T0).expiresAt, null);
  });
});

describe('trialExpiry', () => {
  const deferred = makePolicy({ model: 'TRIAL', durationIso: 'P14D', trialStartsAt: 'FIRST_ACTIVATION' });
  it('starts a deferred trial at its first activation', () => {
    assert.deepEqual(trialExpiry({ trialActivatedAt: null }, deferred, day(100)), {
      trialActivatedAt: day(100),
      expiresAt: day(114),
    });
  });
  it('never restarts a trial that already started', () => {
    assert.equal(trialExpiry({ trialActivatedAt: day(1) }, deferred, day(100)), null);
  });
  it('leaves trials from issue and other models alone', () => {
    assert.equal(
      trialExpiry({ trialActivatedAt: null }, { ...deferred, trialStartsAt: 'ISSUE' }, day(1)),
      null,
    );
    assert.equal(trialExpiry({ trialActivatedAt: null }, makePolicy(), day(1)), null);
  });
});
