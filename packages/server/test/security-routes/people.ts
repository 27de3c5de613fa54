// Security table of the people routes (routes/people/).
import { createEnvironment, createPerson, orgPath } from '../customer-org-fixtures.ts';
import type { Tenant, TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

const TEMPLATE = '/v1/accounts/{accountId}/organizations/{organizationId}';

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingOrg = (x: Tenant) => orgPath({ ...x, organizationId: getApp().ctx.newId('organization') });
  const missingPerson = (x: Tenant) => `${orgPath(x)}/people/${getApp().ctx.newId('person')}`;
  const onePerson = async (t: TestApp, x: Tenant) => ({ personId: await createPerson(t, x, 'Secured') });
  const personAndEnvironment = async (t: TestApp, x: Tenant) => ({
    ...(await onePerson(t, x)),
    environmentId: await createEnvironment(t, x, 'PRODUCTION'),
  });
  return [
    {
      method: 'POST',
      path: `${TEMPLATE}/people`,
      url: (x) => `${orgPath(x)}/people`,
      body: () => {
        const username = `p${Math.random().toString(36).slice(2)}`;
        return { username, email: `${username}@example.com`, name: 'Secured' };
      },
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/people` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/people`,
      url: (x) => `${orgPath(x)}/people`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/people` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/people/{personId}`,
      setup: onePerson,
      url: (x, f) => `${orgPath(x)}/people/${f.personId}`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: missingPerson },
    },
    {
      method: 'PATCH',
      path: `${TEMPLATE}/people/{personId}`,
      setup: onePerson,
      url: (x, f) => `${orgPath(x)}/people/${f.personId}`,
      body: () => ({ name: 'Renamed' }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: missingPerson },
    },
    {
      method: 'DELETE',
      path: `${TEMPLATE}/people/{personId}`,
      setup: onePerson,
      url: (x, f) => `${orgPath(x)}/people/${f.personId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: missingPerson },
    },
    {
      method: 'PUT',
      path: `${TEMPLATE}/people/{personId}/environments/{environmentId}`,
      setup: personAndEnvironment,
      url: (x, f) => `${orgPath(x)}/people/${f.personId}/environments/${f.environmentId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: {
        missingUrl: (x) => `${missingPerson(x)}/environments/${getApp().ctx.newId('environment')}`,
      },
    },
    {
      method: 'DELETE',
      path: `${TEMPLATE}/people/{personId}/environments/{environmentId}`,
      setup: async (t, x) => {
        const f = await personAndEnvironment(t, x);
        await t.database.db
          .insertInto('environment_accounts')
          .values({
            account_id: x.accountId,
            organization_id: x.organizationId,
            environment_id: f.environmentId,
            person_id: f.personId,
          })
          .execute();
        return f;
      },
      url: (x, f) => `${orgPath(x)}/people/${f.personId}/environments/${f.environmentId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: {
        missingUrl: (x) => `${missingPerson(x)}/environments/${getApp().ctx.newId('environment')}`,
      },
    },
  ];
}
