// Fixtures for privilege and change-request tests: people stored directly (the people routes are
// tested elsewhere), person-bound organization tokens minted through the API, privileges granted
// through the API with the tenant's unbound org-admin token (the bootstrap credential).
import type { OrgPrivilege } from '@licentia/core';
import { uniqueName } from '../../db/test/test-databases.ts';
import { call, type Tenant, type TestApp } from './harness.ts';

export interface Person {
  id: string;
  name: string;
  email: string;
}

export const orgPath = (x: Tenant) => `/v1/accounts/${x.accountId}/organizations/${x.organizationId}`;
export const privilegesPath = (x: Tenant, personId: string) => `${orgPath(x)}/people/${personId}/privileges`;

/** A person of the tenant's organization (or of `organizationId`), stored directly. */
export async function addPerson(
  t: TestApp,
  x: Tenant,
  name: string,
  options: { status?: 'ACTIVE' | 'DISABLED'; organizationId?: string } = {},
): Promise<Person> {
  const id = t.ctx.newId('person');
  const username = uniqueName(name.toLowerCase().replace(/\W+/g, '.'));
  const email = `${username}@example.com`;
  await t.database.db
    .insertInto('people')
    .values({
      id,
      account_id: x.accountId,
      organization_id: options.organizationId ?? x.organizationId,
      username,
      email,
      name,
      status: options.status ?? 'ACTIVE',
    })
    .execute();
  return { id, name, email };
}

/** Set a person's privileges with the tenant's unbound org-admin token; answers the response. */
export async function setPrivileges(t: TestApp, x: Tenant, personId: string, privileges: OrgPrivilege[]) {
  const r = await call(t, 'PUT', privilegesPath(x, personId), {
    token: x.tokens.orgAdmin,
    body: { privileges },
  });
  if (r.status !== 200) throw new Error(`privileges: ${r.status} ${r.body}`);
  return r;
}

/** An organization token bound to the person (role org-admin unless told), minted by the vendor. */
export async function personToken(
  t: TestApp,
  x: Tenant,
  personId: string,
  role: 'org-admin' | 'org-read' = 'org-admin',
): Promise<string> {
  const r = await call(t, 'POST', '/v1/tokens', {
    token: x.tokens.admin,
    body: {
      kind: 'organization',
      name: `person ${role}`,
      roles: [role],
      accountId: x.accountId,
      organizationId: x.organizationId,
      personId,
    },
  });
  if (r.status !== 201) throw new Error(`person token: ${r.status} ${r.body}`);
  return r.json.secret as string;
}

/** A person holding `privileges` and a token bound to them. */
export async function privilegedPerson(
  t: TestApp,
  x: Tenant,
  name: string,
  privileges: OrgPrivilege[],
  role: 'org-admin' | 'org-read' = 'org-admin',
): Promise<Person & { token: string }> {
  const person = await addPerson(t, x, name);
  if (privileges.length > 0) await setPrivileges(t, x, person.id, privileges);
  return { ...person, token: await personToken(t, x, person.id, role) };
}
