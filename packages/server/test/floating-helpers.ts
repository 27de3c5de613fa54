// Helpers of the floating suites: a FLOATING license with features (and a suite tenant owning them),
// licensed-app calls to the /v1/floating routes, pool options, the usage events of a license, and a
// bounded wait on a condition (never a blind sleep).
import { before } from 'node:test';
import type { PolicyInput } from '@licentia/core';
import { type CallResult, call, newTenant, type Tenant, type TestApp } from './harness.ts';
import { type LicenseFixture, licenseFixture } from './validation-helpers.ts';

export interface FloatingFixture extends LicenseFixture {
  tenant: Tenant;
}

/** A FLOATING license of `seats` seats entitled to features CAD and CAM (borrowing up to 72 h). */
export async function floatingLicense(
  t: TestApp,
  tenant: Tenant,
  seats: number,
  policy: Partial<PolicyInput> = {},
): Promise<FloatingFixture> {
  const f = await licenseFixture(t, tenant, {
    model: 'FLOATING',
    maxMachines: seats,
    maxBorrowHours: 72,
    entitlements: [{ code: 'CAD' }, { code: 'CAM' }],
    ...policy,
  });
  return { ...f, tenant };
}

type Body = Record<string, unknown>;

/** POST /v1/floating/<route> with the license key of `f`. */
export const floating = (t: TestApp, f: FloatingFixture, route: string, body: Body): Promise<CallResult> =>
  call(t, 'POST', `/v1/floating/${route}`, { body: { key: f.key, ...body } });

export const checkout = (t: TestApp, f: FloatingFixture, body: Body) =>
  floating(t, f, 'checkout', { feature: 'CAD', user: 'alice', host: 'ws-alice', ...body });

export const licensePath = (f: FloatingFixture) =>
  `/v1/accounts/${f.tenant.accountId}/licenses/${f.licenseId}/floating`;

/** Replace the license's floating options (as the vendor admin). */
export async function putOptions(t: TestApp, f: FloatingFixture, options: Body): Promise<void> {
  const res = await call(t, 'PUT', `${licensePath(f)}/options`, {
    token: f.tenant.tokens.admin,
    body: options,
  });
  if (res.status !== 200) throw new Error(`options: ${res.body}`);
}

/** The pool summary of `feature` (as the vendor admin). */
export async function pool(t: TestApp, f: FloatingFixture, feature = 'CAD') {
  const res = await call(t, 'GET', `${licensePath(f)}/pools`, { token: f.tenant.tokens.admin });
  if (res.status !== 200) throw new Error(`pools: ${res.body}`);
  return (res.json.data as { feature: string; inUse: number; seats: number; queued: number }[]).find(
    (p) => p.feature === feature,
  )!;
}

/** Poll `probe` every 20 ms until it returns true, failing after `timeoutMs`. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * One tenant for the whole suite, made before its tests, and FLOATING licenses of it (`license` as
 * `floatingLicense`). Each test still gets licenses of its own, so tests never share a pool.
 */
export function useFloatingTenant(getApp: () => TestApp) {
  let current: Tenant | undefined;
  before(async () => {
    current = await newTenant(getApp());
  });
  const tenant = (): Tenant => {
    if (!current) throw new Error('tenant not created yet');
    return current;
  };
  const license = (seats: number, policy: Partial<PolicyInput> = {}) =>
    floatingLicense(getApp(), tenant(), seats, policy);
  return { tenant, license };
}

/** The usage events of the license of `f`, in the order they happened. */
export function floatingEvents(t: TestApp, f: FloatingFixture) {
  return t.database.db
    .selectFrom('floating_events')
    .select(['kind', 'reason', 'in_use_after as inUseAfter', 'user_name as user'])
    .where('license_id', '=', f.licenseId)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}
