// Helpers of the compliance and agent suites: counted users written through the usage store, a
// controllable clock on the shared test app, and the organization's compliance through the API.
import { randomUUID } from 'node:crypto';
import { usageEventRepository } from '@licentia/db';
import { type CallResult, call, newTenant, type Tenant, type TestApp } from './harness.ts';
import { licenseFixture } from './validation-helpers.ts';

export const DAY_MS = 86_400_000;

/** `n` distinct users seen at `at` (realtime OUT events, or DENIED), optionally on one license. */
export async function seedUsers(
  t: TestApp,
  tenant: Tenant,
  n: number,
  at: Date,
  options: { licenseId?: string; prefix?: string; kind?: 'OUT' | 'DENIED'; feature?: string } = {},
): Promise<void> {
  const prefix = options.prefix ?? 'user';
  const rows = Array.from({ length: n }, (_, i) => ({
    source: 'REALTIME' as const,
    kind: options.kind ?? 'OUT',
    feature: options.feature ?? 'main',
    username: `${prefix}-${i}`,
    usernameKey: `${prefix}-${i}`,
    host: `host-${i}`,
    occurredAt: at,
    count: 1,
    licenseServerId: null,
    licenseId: options.licenseId ?? null,
    version: null,
    reason: null,
    dedupeKey: randomUUID(),
  }));
  await t.database.db
    .transaction()
    .execute((trx) => usageEventRepository.insertBatch(trx, tenant.accountId, tenant.organizationId, rows));
}

/**
 * Run `body` with the app's clock fixed by `clock.set(date)`; the real clock comes back afterwards.
 * Tests of one file run one after another, so no other test sees the fixed clock.
 */
export async function withClock<T>(
  t: TestApp,
  start: Date,
  body: (clock: { set(at: Date): void; now(): Date }) => Promise<T>,
): Promise<T> {
  const real = t.ctx.clock;
  let now = start;
  t.ctx.clock = () => now;
  try {
    return await body({ set: (at) => (now = at), now: () => now });
  } finally {
    t.ctx.clock = real;
  }
}

const orgPath = (tenant: Tenant) => `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}`;

export { orgPath };

/** POST …/compliance/evaluate as the vendor admin; fails the test on anything but 200. */
export async function evaluate(t: TestApp, tenant: Tenant): Promise<CallResult> {
  const res = await call(t, 'POST', `${orgPath(tenant)}/compliance/evaluate`, { token: tenant.tokens.admin });
  if (res.status !== 200) throw new Error(`evaluate: ${res.status} ${res.body}`);
  return res;
}

/** The compliance of one license from an evaluation answer. */
export function licenseOf(res: CallResult, licenseId: string) {
  const found = res.json.licenses.find((l: { licenseId: string }) => l.licenseId === licenseId);
  if (!found) throw new Error(`license ${licenseId} not in ${res.body}`);
  return found;
}

/** A fixed instant for tests that move the clock; `at(n)` is n days after it. */
export const T0 = new Date('2031-05-01T12:00:00.000Z');
export const at = (days: number) => new Date(T0.getTime() + days * DAY_MS);

/** A fresh tenant with a PERPETUAL license of `maxUsers` users, issued long before T0. */
export async function limited(t: TestApp, maxUsers: number, extra: Record<string, unknown> = {}) {
  const tenant = await newTenant(t);
  const f = await licenseFixture(
    t,
    tenant,
    { model: 'PERPETUAL', maxUsers, ...extra },
    { issuedAt: at(-400) },
  );
  return { tenant, ...f };
}
