// Helpers of the floating analytics suites: a license with a known history, requests to the analytics
// route with ISO windows, and a second organization of the same account for visibility tests.

import {
  analyticsUrl,
  floatingLicense,
  HOUR,
  MINUTE,
  pastDay,
  seedEvents,
} from './floating-analytics-fixtures.ts';
import { type CallResult, call, newTenant, type Tenant, type TestApp } from './harness.ts';

/** GET the account's analytics with `query` as `token`. */
export function getAnalytics(
  t: TestApp,
  accountId: string,
  query: Record<string, string | number>,
  token: string,
): Promise<CallResult> {
  return call(t, 'GET', analyticsUrl(accountId, query), { token });
}

/** The `from`/`to` query members of the window between two instants (ms). */
export function isoWindow(from: number, to: number): { from: string; to: string } {
  return { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
}

/** A second organization of the tenant's account, made by the operator; its id. */
export async function otherOrganization(t: TestApp, tenant: Tenant): Promise<string> {
  const org = await call(t, 'POST', `/v1/accounts/${tenant.accountId}/organizations`, {
    token: t.operatorToken,
    body: { name: 'other' },
  });
  return org.json.id as string;
}

/**
 * A fresh tenant whose FLOATING license (cad: 4 seats, sim: 2) has a known history on `d`, a past UTC
 * midnight: one seat carried in from before, peaks of 4, denials by dave (eng, twice on cad and once on
 * sim) and erin, two queue waits (1 s and 2 min) and one abandoned queue entry.
 */
export async function licenseWithHistory(t: TestApp) {
  const tenant = await newTenant(t);
  const lic = await floatingLicense(t, tenant, {
    cad: { seats: 4, inUse: 1, queued: 2 },
    sim: { seats: 2 },
  });
  const d = pastDay();
  await seedEvents(t, tenant.accountId, lic.licenseId, [
    { kind: 'OUT', at: d - HOUR, inUseAfter: 1 }, // before the window: carried in
    { kind: 'OUT', at: d + 10 * MINUTE, inUseAfter: 2, user: 'bob' },
    { kind: 'OUT', at: d + 20 * MINUTE, inUseAfter: 4, count: 2, user: 'carol' },
    {
      kind: 'DENIED',
      at: d + 25 * MINUTE,
      inUseAfter: 4,
      user: 'dave',
      department: 'eng',
      reason: 'NO_SEATS',
    },
    {
      kind: 'DENIED',
      at: d + 26 * MINUTE,
      inUseAfter: 4,
      user: 'dave',
      department: 'eng',
      reason: 'NO_SEATS',
    },
    { kind: 'DENIED', at: d + 27 * MINUTE, inUseAfter: 4, user: 'erin', reason: 'NO_SEATS' },
    { kind: 'QUEUED', at: d + 28 * MINUTE, inUseAfter: 4, user: 'frank' },
    { kind: 'DEQUEUED', at: d + 29 * MINUTE, inUseAfter: 4, user: 'gina', waitMs: 1_000 },
    { kind: 'DEQUEUED', at: d + 29 * MINUTE + 30_000, inUseAfter: 4, user: 'frank', waitMs: 120_000 },
    { kind: 'IN', at: d + 30 * MINUTE, inUseAfter: 2, count: 2, user: 'carol', reason: 'NORMAL' },
    { kind: 'QUEUE_EXPIRED', at: d + 40 * MINUTE, inUseAfter: 2, user: 'hank' },
    { kind: 'DENIED', at: d + 50 * MINUTE, inUseAfter: 0, feature: 'sim', user: 'dave', department: 'eng' },
    { kind: 'IN', at: d + 2 * HOUR, inUseAfter: 1, user: 'bob' },
  ]);
  return { t, tenant, lic, d };
}
