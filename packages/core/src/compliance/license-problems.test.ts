// Table tests of E4: every license problem, with its mode and seed 001's remedy, clock passed in; and
// the cases that must NOT be problems (a lower version, a release on the maintenance end, …).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LicenseProblemCode } from './compliance-types.ts';
import { evaluateCompliance, initialComplianceState } from './evaluate-compliance.ts';
import { highestVersion, licenseProblems, type ProblemFacts } from './license-problems.ts';
import { day, T0 } from './test-clock.ts';

const facts = (extra: Partial<ProblemFacts> = {}): ProblemFacts => ({
  model: 'SUBSCRIPTION',
  expiresAt: day(365),
  maintenanceEndsAt: day(100),
  versionRange: '>=2.0.0 <3.0.0',
  software: { version: '2.4.0', releasedAt: day(50) },
  trialStartedAt: null,
  earliestUsageAt: day(-10),
  ...extra,
});

interface Case {
  name: string;
  facts: ProblemFacts;
  now: Date;
  codes: LicenseProblemCode[];
  remedy?: string[];
}

const cases: Case[] = [
  { name: 'a license in order has no problem', facts: facts(), now: day(10), codes: [] },
  {
    name: 'version mismatch: software above the licensed range',
    facts: facts({ software: { version: '3.0.0', releasedAt: day(60) } }),
    now: day(70),
    codes: ['VERSION_MISMATCH'],
    remedy: ['Load a license with a version equal to or higher than the software version.'],
  },
  {
    name: 'no version mismatch for a version below the range',
    facts: facts({ software: { version: '1.9.0', releasedAt: day(-100) } }),
    now: day(10),
    codes: [],
  },
  {
    name: 'a prerelease beyond the range is above it',
    facts: facts({ software: { version: '3.1.0-beta.1', releasedAt: null } }),
    now: day(10),
    codes: ['VERSION_MISMATCH'],
  },
  {
    name: 'a prerelease inside the range counts as covered (as validation does)',
    facts: facts({ software: { version: '3.0.0-rc.1', releasedAt: null } }),
    now: day(10),
    codes: [],
  },
  {
    name: 'maintenance expired: software released after the maintenance end',
    facts: facts({ software: { version: '2.9.0', releasedAt: day(101) } }),
    now: day(120),
    codes: ['MAINTENANCE_EXPIRED'],
    remedy: ['Load a license with active maintenance.'],
  },
  {
    name: 'a release dated exactly at the maintenance end is covered',
    facts: facts({ software: { version: '2.9.0', releasedAt: day(100) } }),
    now: day(120),
    codes: [],
  },
  {
    name: 'an unknown release date is not evidence of a maintenance problem',
    facts: facts({ software: { version: '2.9.9', releasedAt: null } }),
    now: day(120),
    codes: [],
  },
  {
    name: 'license expired: a subscription at its expiry instant',
    facts: facts(),
    now: day(365),
    codes: ['LICENSE_EXPIRED'],
    remedy: ['Load a license with an active expiration time.', 'Load a perpetual license.'],
  },
  {
    name: 'license expired: a trial past its end',
    facts: facts({ model: 'TRIAL', expiresAt: day(14), trialStartedAt: T0, earliestUsageAt: day(1) }),
    now: day(15),
    codes: ['LICENSE_EXPIRED'],
  },
  {
    name: 'a perpetual license never expires',
    facts: facts({ model: 'PERPETUAL', expiresAt: null }),
    now: day(5000),
    codes: [],
  },
  {
    name: 'trial started over data older than the trial',
    facts: facts({ model: 'TRIAL', expiresAt: day(14), trialStartedAt: T0, earliestUsageAt: day(-3) }),
    now: day(1),
    codes: ['TRIAL_OVER_OLDER_DATA'],
    remedy: ['Load a commercial license.', 'Start a trial license with an empty database.'],
  },
  {
    name: 'a trial over an empty database has no problem',
    facts: facts({ model: 'TRIAL', expiresAt: day(14), trialStartedAt: T0, earliestUsageAt: null }),
    now: day(1),
    codes: [],
  },
  {
    name: 'older data is no problem for a commercial license',
    facts: facts({ earliestUsageAt: day(-300) }),
    now: day(1),
    codes: [],
  },
  {
    name: 'every problem is returned, the first in table order names the reason',
    facts: facts({
      model: 'TRIAL',
      expiresAt: day(14),
      trialStartedAt: T0,
      earliestUsageAt: day(-3),
      software: { version: '3.1.0', releasedAt: day(120) },
    }),
    now: day(130),
    codes: ['VERSION_MISMATCH', 'MAINTENANCE_EXPIRED', 'LICENSE_EXPIRED', 'TRIAL_OVER_OLDER_DATA'],
    remedy: ['Load a license with a version equal to or higher than the software version.'],
  },
];

describe('licenseProblems', () => {
  for (const c of cases) {
    it(c.name, () => {
      const problems = licenseProblems(c.facts, c.now);
      assert.deepEqual(
        problems.map((p) => p.code),
        c.codes,
      );
      // At start-up (no previous state) and at run time (from NORMAL) a problem means RESTRICTED.
      for (const previous of [null, initialComplianceState(T0)]) {
        const { status, transition } = evaluateCompliance(
          previous,
          { userLimit: 10, countedUsers: 3, extension: null, gracePeriodDays: 30, problems },
          c.now,
        );
        assert.equal(status.mode, c.codes.length === 0 ? 'NORMAL' : 'RESTRICTED');
        if (c.codes.length > 0) {
          assert.equal(status.reason, c.codes[0]);
          assert.deepEqual(status.restricted, ['ADMINISTRATION', 'REPORTING', 'USAGE_IMPORT', 'HARVESTING']);
          assert.equal(transition?.to.mode, 'RESTRICTED');
        }
        if (c.remedy) assert.deepEqual(status.remedy, c.remedy);
      }
    });
  }

  it('names the evidence in each detail', () => {
    const [problem] = licenseProblems(
      facts({ software: { version: '2.9.0', releasedAt: day(101) } }),
      day(120),
    );
    assert.equal(
      problem?.detail,
      'software 2.9.0 was released 2025-06-10T00:00:00.000Z, after maintenance ended 2025-06-09T00:00:00.000Z',
    );
  });
});

describe('highestVersion', () => {
  it('picks the highest semantic version and ignores the rest', () => {
    assert.equal(highestVersion(['2.10.0', '2.9.1', 'nightly', null, '2.10.0-rc.1']), '2.10.0');
    assert.equal(highestVersion(['nightly', null]), null);
  });
});
