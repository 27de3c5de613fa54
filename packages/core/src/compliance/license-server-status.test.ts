// Table tests of license server status, including E4's rule: a server updated to a version released
// after the maintenance end is OFFLINE and its new data is skipped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type LicenseServerFacts,
  type LicenseServerStatus,
  type LicenseServerStatusReason,
  licenseServerStatus,
} from './license-server-status.ts';
import { SERVER_AFTER_MAINTENANCE_REMEDY } from './remedies.ts';
import { day } from './test-clock.ts';

const MINUTE = 60_000;
const now = day(200);
const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
const server = (extra: Partial<LicenseServerFacts> = {}): LicenseServerFacts => ({
  enabled: true,
  lastSeenAt: ago(1),
  lastErrorAt: null,
  lastError: null,
  version: '11.19.0',
  versionReleasedAt: day(50),
  ...extra,
});

const cases: [
  string,
  LicenseServerFacts,
  Date | null,
  LicenseServerStatus,
  LicenseServerStatusReason,
  boolean,
][] = [
  ['a server heard from recently is ONLINE', server(), day(100), 'ONLINE', 'RESPONDING', true],
  [
    'a server updated to a version released after the maintenance end is OFFLINE and its data skipped',
    server({ version: '11.19.5', versionReleasedAt: day(101) }),
    day(100),
    'OFFLINE',
    'UPDATED_AFTER_MAINTENANCE',
    false,
  ],
  [
    'the update rule wins over a fresh contact and over an error',
    server({ versionReleasedAt: day(150), lastErrorAt: ago(0) }),
    day(100),
    'OFFLINE',
    'UPDATED_AFTER_MAINTENANCE',
    false,
  ],
  [
    'a version released on the maintenance end is accepted',
    server({ versionReleasedAt: day(100) }),
    day(100),
    'ONLINE',
    'RESPONDING',
    true,
  ],
  [
    'no maintenance end: any version is accepted',
    server({ versionReleasedAt: day(190) }),
    null,
    'ONLINE',
    'RESPONDING',
    true,
  ],
  [
    'a disabled server is OFFLINE and its data skipped',
    server({ enabled: false }),
    day(100),
    'OFFLINE',
    'DISABLED',
    false,
  ],
  [
    'a server never heard from is OFFLINE',
    server({ lastSeenAt: null }),
    null,
    'OFFLINE',
    'NEVER_CONTACTED',
    true,
  ],
  [
    'a failed last query is ERROR',
    server({ lastErrorAt: ago(0.5), lastError: 'lmstat: connection refused' }),
    null,
    'ERROR',
    'POLL_FAILED',
    true,
  ],
  [
    'an error older than the last success is forgotten',
    server({ lastErrorAt: ago(5) }),
    null,
    'ONLINE',
    'RESPONDING',
    true,
  ],
  [
    'a server silent for more than 15 minutes is OFFLINE',
    server({ lastSeenAt: ago(16) }),
    null,
    'OFFLINE',
    'NOT_RESPONDING',
    true,
  ],
];

describe('licenseServerStatus', () => {
  for (const [name, facts, maintenanceEnd, status, reason, acceptsData] of cases) {
    it(name, () => {
      const view = licenseServerStatus(facts, maintenanceEnd, now);
      assert.deepEqual([view.status, view.reason, view.acceptsData], [status, reason, acceptsData]);
      if (reason === 'UPDATED_AFTER_MAINTENANCE')
        assert.deepEqual(view.remedy, SERVER_AFTER_MAINTENANCE_REMEDY);
    });
  }

  it('carries the error message as detail', () => {
    const view = licenseServerStatus(server({ lastErrorAt: ago(0), lastError: 'timeout' }), null, now);
    assert.equal(view.detail, 'timeout');
  });
});
