// Fixtures of the allocation suites: a small product line imported as a license file, groups,
// memberships and assignments made through the API with the vendor's admin token, and readers of
// the stored decisions (revision counts how often a person's decision changed).
import { uniqueName } from '../../db/test/test-databases.ts';
import { call, type Tenant, type TestApp } from './harness.ts';
import { addPerson, orgPath } from './privilege-fixtures.ts';

export const allocPath = (x: Tenant) => `${orgPath(x)}/allocation`;

/** AUTHOR outranks VIEWER (both grant pdm); SIM is an add-on of AUTHOR; PARTNER is external. */
export const PRODUCT_LINE = [
  {
    code: 'AUTHOR',
    name: 'PDM Author',
    kind: 'BASE',
    capabilities: ['pdm'],
    rank: 2,
    generation: 1,
    audience: 'INTERNAL',
    quantity: 10,
  },
  {
    code: 'VIEWER',
    name: 'PDM Viewer',
    kind: 'BASE',
    capabilities: ['pdm'],
    rank: 1,
    generation: 1,
    audience: 'INTERNAL',
    userLicenseType: 'LIGHT',
  },
  {
    code: 'SIM',
    name: 'Simulation',
    kind: 'ADD_ON',
    capabilities: ['sim'],
    rank: 1,
    generation: 1,
    audience: 'INTERNAL',
    requiresCodes: ['AUTHOR'],
  },
  {
    code: 'PARTNER',
    name: 'Partner access',
    kind: 'BASE',
    capabilities: ['portal'],
    rank: 1,
    generation: 1,
    audience: 'EXTERNAL',
  },
] as const;

function ok<T>(r: { status: number; body: string; json: T }, what: string): T {
  if (r.status < 200 || r.status > 299) throw new Error(`${what}: ${r.status} ${r.body}`);
  return r.json;
}

export async function importLine(t: TestApp, x: Tenant, products: readonly object[] = PRODUCT_LINE) {
  return ok(
    await call(t, 'POST', `${allocPath(x)}/licenses/import`, { token: x.tokens.admin, body: { products } }),
    'import',
  );
}

export async function group(
  t: TestApp,
  x: Tenant,
  kind: 'GROUP' | 'LICENSE_GROUP' = 'GROUP',
): Promise<string> {
  const body = { name: uniqueName(kind.toLowerCase()), kind };
  return ok(await call(t, 'POST', `${allocPath(x)}/groups`, { token: x.tokens.admin, body }), 'group')
    .id as string;
}

export async function person(t: TestApp, x: Tenant, name = 'Person'): Promise<string> {
  return (await addPerson(t, x, name)).id;
}

export async function join(t: TestApp, x: Tenant, groupId: string, personId: string) {
  return ok(
    await call(t, 'PUT', `${allocPath(x)}/groups/${groupId}/people/${personId}`, { token: x.tokens.admin }),
    'join',
  );
}

export async function nest(t: TestApp, x: Tenant, groupId: string, childGroupId: string) {
  return ok(
    await call(t, 'PUT', `${allocPath(x)}/groups/${groupId}/groups/${childGroupId}`, {
      token: x.tokens.admin,
    }),
    'nest',
  );
}

export async function assign(
  t: TestApp,
  x: Tenant,
  productCode: string,
  to: { personId: string } | { groupId: string },
) {
  const body = { productCode, ...to };
  return ok(await call(t, 'POST', `${allocPath(x)}/assignments`, { token: x.tokens.admin, body }), 'assign');
}

/** How many times each person's stored decision changed (0: never stored). */
export async function revisions(t: TestApp, personIds: readonly string[]): Promise<Record<string, number>> {
  const rows = await t.database.db
    .selectFrom('allocation_effective')
    .select(['person_id', 'revision'])
    .where('person_id', 'in', [...personIds])
    .execute();
  const byId = new Map(rows.map((r) => [r.person_id, r.revision]));
  return Object.fromEntries(personIds.map((id) => [id, byId.get(id) ?? 0]));
}

export async function effective(t: TestApp, x: Tenant, personId: string) {
  return ok(
    await call(t, 'GET', `${allocPath(x)}/people/${personId}`, { token: x.tokens.admin }),
    'person',
  ).effective.map((e: { code: string }) => e.code) as string[];
}
