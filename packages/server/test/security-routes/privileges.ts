// Security table of the privilege routes: reads need any organization privilege (vendors
// organization:read), changes need SUPERVISOR (vendors organization:write); an org-read token holds
// REPORTING only, so it is the refused one (403 PRIVILEGE_REQUIRED).
import { call, type Tenant, type TestApp } from '../harness.ts';
import { addPerson, orgPath, privilegesPath } from '../privilege-fixtures.ts';
import type { SecuredRoute } from '../security-suite.ts';

const orgAdmin = (_t: TestApp, x: Tenant) => x.tokens.orgAdmin;
const orgRead = (_t: TestApp, x: Tenant) => x.tokens.orgRead;
const refused = { forbidden: (x: Tenant) => x.tokens.orgRead, forbiddenCode: 'PRIVILEGE_REQUIRED' } as const;
const PERSON_PATH = '/v1/accounts/{accountId}/organizations/{organizationId}/people/{personId}/privileges';

async function person(t: TestApp, x: Tenant) {
  return { personId: (await addPerson(t, x, 'Ann Lee')).id };
}

async function reporter(t: TestApp, x: Tenant) {
  const { personId } = await person(t, x);
  await call(t, 'PUT', privilegesPath(x, personId), {
    token: x.tokens.orgAdmin,
    body: { privileges: ['REPORTING'] },
  });
  return { personId };
}

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingPerson = (x: Tenant) => privilegesPath(x, getApp().ctx.newId('person'));
  const missingOrg = (suffix: string) => ({
    missingUrl: (x: Tenant) =>
      `/v1/accounts/${x.accountId}/organizations/${getApp().ctx.newId('organization')}${suffix}`,
  });
  return [
    {
      method: 'GET',
      path: PERSON_PATH,
      setup: person,
      url: (x, f) => privilegesPath(x, f.personId!),
      allowed: orgRead,
      crossTenant: { missingUrl: missingPerson },
    },
    {
      method: 'PUT',
      path: PERSON_PATH,
      setup: person,
      url: (x, f) => privilegesPath(x, f.personId!),
      body: () => ({ privileges: ['REPORTING'] }),
      allowed: orgAdmin,
      ...refused,
      crossTenant: { missingUrl: missingPerson },
    },
    {
      method: 'PUT',
      path: `${PERSON_PATH}/{privilege}`,
      setup: person,
      url: (x, f) => `${privilegesPath(x, f.personId!)}/LICENSING`,
      allowed: orgAdmin,
      ...refused,
      crossTenant: { missingUrl: (x) => `${missingPerson(x)}/LICENSING` },
    },
    {
      method: 'DELETE',
      path: `${PERSON_PATH}/{privilege}`,
      setup: reporter,
      url: (x, f) => `${privilegesPath(x, f.personId!)}/REPORTING`,
      allowed: orgAdmin,
      ...refused,
      crossTenant: { missingUrl: (x) => `${missingPerson(x)}/REPORTING` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/organizations/{organizationId}/privileges',
      url: (x) => `${orgPath(x)}/privileges`,
      allowed: orgRead,
      crossTenant: missingOrg('/privileges'),
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/organizations/{organizationId}/supervisors',
      url: (x) => `${orgPath(x)}/supervisors`,
      allowed: orgRead,
      crossTenant: missingOrg('/supervisors'),
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/organizations/{organizationId}/my-privileges',
      url: (x) => `${orgPath(x)}/my-privileges`,
      allowed: orgRead,
      crossTenant: missingOrg('/my-privileges'),
    },
  ];
}
