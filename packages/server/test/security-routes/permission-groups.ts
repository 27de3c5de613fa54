// Security table of the permission-group routes (routes/permission-groups/).
import {
  addMember,
  createEnvironment,
  createGroup,
  createPerson,
  orgPath,
} from '../customer-org-fixtures.ts';
import type { Tenant, TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

const TEMPLATE = '/v1/accounts/{accountId}/organizations/{organizationId}';

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingOrg = (x: Tenant) => orgPath({ ...x, organizationId: getApp().ctx.newId('organization') });
  const missingGroup = (x: Tenant) =>
    `${orgPath(x)}/permission-groups/${getApp().ctx.newId('permissionGroup')}`;
  const oneGroup = async (t: TestApp, x: Tenant) => {
    const environmentId = await createEnvironment(t, x, 'PRODUCTION');
    return { environmentId, groupId: await createGroup(t, x, environmentId, 'USER') };
  };
  const groupAndPerson = async (t: TestApp, x: Tenant) => ({
    ...(await oneGroup(t, x)),
    personId: await createPerson(t, x, 'Member'),
  });
  return [
    {
      method: 'POST',
      path: `${TEMPLATE}/permission-groups`,
      setup: async (t, x) => ({ environmentId: await createEnvironment(t, x, 'PRODUCTION') }),
      url: (x) => `${orgPath(x)}/permission-groups`,
      body: (_x, f) => ({
        environmentId: f.environmentId ?? getApp().ctx.newId('environment'),
        name: 'Editors',
        userLicenseType: 'USER',
      }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/permission-groups` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/permission-groups`,
      url: (x) => `${orgPath(x)}/permission-groups`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/permission-groups` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/permission-groups/{groupId}`,
      setup: oneGroup,
      url: (x, f) => `${orgPath(x)}/permission-groups/${f.groupId}`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: missingGroup },
    },
    {
      method: 'PATCH',
      path: `${TEMPLATE}/permission-groups/{groupId}`,
      setup: oneGroup,
      url: (x, f) => `${orgPath(x)}/permission-groups/${f.groupId}`,
      body: () => ({ userLicenseType: 'LIGHT' }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: missingGroup },
    },
    {
      method: 'DELETE',
      path: `${TEMPLATE}/permission-groups/{groupId}`,
      setup: oneGroup,
      url: (x, f) => `${orgPath(x)}/permission-groups/${f.groupId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: missingGroup },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/permission-groups/{groupId}/members`,
      setup: oneGroup,
      url: (x, f) => `${orgPath(x)}/permission-groups/${f.groupId}/members`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingGroup(x)}/members` },
    },
    {
      method: 'PUT',
      path: `${TEMPLATE}/permission-groups/{groupId}/members/{personId}`,
      setup: groupAndPerson,
      url: (x, f) => `${orgPath(x)}/permission-groups/${f.groupId}/members/${f.personId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingGroup(x)}/members/${getApp().ctx.newId('person')}` },
    },
    {
      method: 'DELETE',
      path: `${TEMPLATE}/permission-groups/{groupId}/members/{personId}`,
      setup: async (t, x) => {
        const f = await groupAndPerson(t, x);
        await addMember(t, x, f.groupId, f.personId);
        return f;
      },
      url: (x, f) => `${orgPath(x)}/permission-groups/${f.groupId}/members/${f.personId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingGroup(x)}/members/${getApp().ctx.newId('person')}` },
    },
  ];
}
