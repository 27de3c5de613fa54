// Fixtures of the customer-organization suites (environments, people, permission groups,
// entitlements, overview, seats): everything made through the API with the vendor's admin token,
// so each helper also exercises its route.
import type { Plan, UserLicenseType } from '@licentia/core';
import { uniqueName } from '../../db/test/test-databases.ts';
import { call, type Tenant, type TestApp } from './harness.ts';
import { orgPath } from './privilege-fixtures.ts';

export { orgPath };

function ok<T>(r: { status: number; body: string; json: T }, what: string): T {
  if (r.status < 200 || r.status > 299) throw new Error(`${what}: ${r.status} ${r.body}`);
  return r.json;
}

export async function setPlan(t: TestApp, x: Tenant, plan: Plan): Promise<void> {
  ok(await call(t, 'PUT', `${orgPath(x)}/plan`, { token: x.tokens.admin, body: { plan } }), 'plan');
}

export async function createEnvironment(
  t: TestApp,
  x: Tenant,
  kind: 'PRODUCTION' | 'TEST' | 'TRAINING' | 'STORAGE',
  productionEnvironmentId?: string,
): Promise<string> {
  const body = {
    name: uniqueName(kind.toLowerCase()),
    kind,
    ...(productionEnvironmentId ? { productionEnvironmentId } : {}),
  };
  const r = await call(t, 'POST', `${orgPath(x)}/environments`, { token: x.tokens.admin, body });
  return ok(r, 'environment').id as string;
}

export async function createPerson(t: TestApp, x: Tenant, name = 'person'): Promise<string> {
  const slug = name
    .toLowerCase()
    .replace(/\W+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  const username = uniqueName(slug || 'person');
  const body = { username, email: `${username}@example.com`, name };
  return ok(await call(t, 'POST', `${orgPath(x)}/people`, { token: x.tokens.admin, body }), 'person')
    .id as string;
}

export async function createGroup(
  t: TestApp,
  x: Tenant,
  environmentId: string,
  userLicenseType: UserLicenseType,
): Promise<string> {
  const body = { environmentId, name: uniqueName(userLicenseType.toLowerCase()), userLicenseType };
  return ok(
    await call(t, 'POST', `${orgPath(x)}/permission-groups`, { token: x.tokens.admin, body }),
    'group',
  ).id as string;
}

export async function addMember(t: TestApp, x: Tenant, groupId: string, personId: string): Promise<void> {
  const url = `${orgPath(x)}/permission-groups/${groupId}/members/${personId}`;
  ok(await call(t, 'PUT', url, { token: x.tokens.admin }), 'member');
}

/** Purchased user licenses of one type (a USER_LICENSE entitlement). */
export async function buyUserLicenses(t: TestApp, x: Tenant, code: UserLicenseType, quantity: number) {
  const body = { kind: 'USER_LICENSE', code, name: `${code} licenses`, quantity };
  return ok(
    await call(t, 'POST', `${orgPath(x)}/entitlements`, { token: x.tokens.admin, body }),
    'entitlement',
  );
}

export async function overview(t: TestApp, x: Tenant, token = x.tokens.admin) {
  return ok(await call(t, 'GET', `${orgPath(x)}/license-overview`, { token }), 'overview');
}

/** The Users tab as [type, purchased, used, overage] rows. */
export async function usersTab(t: TestApp, x: Tenant) {
  const o = await overview(t, x);
  return {
    rows: o.users.types.map((r: { type: string; purchased: number; used: number; overage: boolean }) => [
      r.type,
      r.purchased,
      r.used,
      r.overage,
    ]),
    message: o.users.message as string | null,
  };
}
