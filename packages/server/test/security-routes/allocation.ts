// Security table of the allocation routes: reads and the login check need LICENSING or REPORTING
// (vendors organization:read), changes need LICENSING (vendors organization:write), so an org-read
// token (REPORTING only) is refused with PRIVILEGE_REQUIRED; the consumption report needs REPORTING;
// importing a license file is vendor-only (an organization token gets CONTACT_ACCOUNT_MANAGER).
import { uniqueName } from '../../../db/test/test-databases.ts';
import { call, type Tenant, type TestApp } from '../harness.ts';
import { addPerson, orgPath } from '../privilege-fixtures.ts';
import type { SecuredRoute } from '../security-suite.ts';

const ORG = '/v1/accounts/{accountId}/organizations/{organizationId}';
const A = `${ORG}/allocation`;
const orgAdmin = (_t: TestApp, x: Tenant) => x.tokens.orgAdmin;
const orgRead = (_t: TestApp, x: Tenant) => x.tokens.orgRead;
const refused = { forbidden: (x: Tenant) => x.tokens.orgRead, forbiddenCode: 'PRIVILEGE_REQUIRED' } as const;
const alloc = (x: Tenant) => `${orgPath(x)}/allocation`;

async function group(t: TestApp, x: Tenant, kind = 'GROUP') {
  const r = await call(t, 'POST', `${alloc(x)}/groups`, {
    token: x.tokens.admin,
    body: { name: uniqueName('group'), kind },
  });
  return r.json.id as string;
}

async function groupAndPerson(t: TestApp, x: Tenant) {
  return { groupId: await group(t, x), personId: (await addPerson(t, x, 'Ann Lee')).id };
}

async function memberPerson(t: TestApp, x: Tenant) {
  const f = await groupAndPerson(t, x);
  await call(t, 'PUT', `${alloc(x)}/groups/${f.groupId}/people/${f.personId}`, { token: x.tokens.admin });
  return f;
}

async function twoGroups(t: TestApp, x: Tenant) {
  return { groupId: await group(t, x, 'LICENSE_GROUP'), childGroupId: await group(t, x) };
}

async function nested(t: TestApp, x: Tenant) {
  const f = await twoGroups(t, x);
  await call(t, 'PUT', `${alloc(x)}/groups/${f.groupId}/groups/${f.childGroupId}`, { token: x.tokens.admin });
  return f;
}

async function assignment(t: TestApp, x: Tenant) {
  const { personId } = await groupAndPerson(t, x);
  const r = await call(t, 'POST', `${alloc(x)}/assignments`, {
    token: x.tokens.admin,
    body: { productCode: 'PDM_AUTHOR', personId },
  });
  return { assignmentId: r.json.id as string };
}

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const id = (kind: Parameters<TestApp['ctx']['newId']>[0]) => getApp().ctx.newId(kind);
  const missingOrg = (suffix: string) => ({
    missingUrl: (x: Tenant) => `/v1/accounts/${x.accountId}/organizations/${id('organization')}${suffix}`,
  });
  const read = (path: string, suffix: string): SecuredRoute => ({
    method: 'GET',
    path: `${A}${path}`,
    url: (x) => `${alloc(x)}${suffix}`,
    allowed: orgRead,
    crossTenant: missingOrg(`/allocation${suffix}`),
  });
  return [
    read('/products', '/products'),
    read('/groups', '/groups'),
    read('/assignments', '/assignments'),
    read('/recomputes', '/recomputes'),
    read('/login-refusals', '/login-refusals'),
    read('/consumption', '/consumption'),
    {
      method: 'GET',
      path: `${A}/consumption.csv`,
      // Report export is a plan feature: give the tenant a plan that includes it.
      setup: async (t, x) => {
        await call(t, 'PUT', `${orgPath(x)}/plan`, { token: x.tokens.admin, body: { plan: 'PROFESSIONAL' } });
        return {};
      },
      url: (x) => `${alloc(x)}/consumption.csv`,
      allowed: orgRead,
      crossTenant: missingOrg('/allocation/consumption.csv'),
    },
    {
      method: 'POST',
      path: `${A}/licenses/import`,
      url: (x) => `${alloc(x)}/licenses/import`,
      body: () => ({
        products: [
          {
            code: 'PDM_AUTHOR',
            name: 'PDM Author',
            kind: 'BASE',
            capabilities: ['pdm'],
            rank: 2,
            generation: 1,
            audience: 'INTERNAL',
          },
        ],
      }),
      allowed: (_t, x) => x.tokens.admin,
      forbidden: (x) => x.tokens.orgAdmin,
      forbiddenCode: 'CONTACT_ACCOUNT_MANAGER',
      crossTenant: missingOrg('/allocation/licenses/import'),
    },
    {
      method: 'POST',
      path: `${A}/licenses/refresh`,
      url: (x) => `${alloc(x)}/licenses/refresh`,
      allowed: orgAdmin,
      ...refused,
      crossTenant: missingOrg('/allocation/licenses/refresh'),
    },
    {
      method: 'POST',
      path: `${A}/recompute`,
      url: (x) => `${alloc(x)}/recompute`,
      allowed: orgAdmin,
      ...refused,
      crossTenant: missingOrg('/allocation/recompute'),
    },
    {
      method: 'POST',
      path: `${A}/groups`,
      url: (x) => `${alloc(x)}/groups`,
      body: () => ({ name: uniqueName('group'), kind: 'LICENSE_GROUP' }),
      allowed: orgAdmin,
      ...refused,
      crossTenant: missingOrg('/allocation/groups'),
    },
    {
      method: 'GET',
      path: `${A}/groups/{groupId}`,
      setup: async (t, x) => ({ groupId: await group(t, x) }),
      url: (x, f) => `${alloc(x)}/groups/${f.groupId}`,
      allowed: orgRead,
      crossTenant: { missingUrl: (x) => `${alloc(x)}/groups/${id('allocationGroup')}` },
    },
    {
      method: 'DELETE',
      path: `${A}/groups/{groupId}`,
      setup: async (t, x) => ({ groupId: await group(t, x) }),
      url: (x, f) => `${alloc(x)}/groups/${f.groupId}`,
      allowed: orgAdmin,
      ...refused,
      crossTenant: { missingUrl: (x) => `${alloc(x)}/groups/${id('allocationGroup')}` },
    },
    ...(['PUT', 'DELETE'] as const).map(
      (method): SecuredRoute => ({
        method,
        path: `${A}/groups/{groupId}/people/{personId}`,
        setup: method === 'PUT' ? groupAndPerson : memberPerson,
        url: (x, f) => `${alloc(x)}/groups/${f.groupId}/people/${f.personId}`,
        allowed: orgAdmin,
        ...refused,
        crossTenant: {
          missingUrl: (x) => `${alloc(x)}/groups/${id('allocationGroup')}/people/${id('person')}`,
        },
      }),
    ),
    ...(['PUT', 'DELETE'] as const).map(
      (method): SecuredRoute => ({
        method,
        path: `${A}/groups/{groupId}/groups/{childGroupId}`,
        setup: method === 'PUT' ? twoGroups : nested,
        url: (x, f) => `${alloc(x)}/groups/${f.groupId}/groups/${f.childGroupId}`,
        allowed: orgAdmin,
        ...refused,
        crossTenant: {
          missingUrl: (x) => `${alloc(x)}/groups/${id('allocationGroup')}/groups/${id('allocationGroup')}`,
        },
      }),
    ),
    {
      method: 'POST',
      path: `${A}/assignments`,
      setup: async (t, x) => ({ personId: (await addPerson(t, x, 'Bo Chen')).id }),
      url: (x) => `${alloc(x)}/assignments`,
      body: (_x, f) => ({ productCode: 'PDM_AUTHOR', personId: f.personId ?? id('person') }),
      allowed: orgAdmin,
      ...refused,
      crossTenant: missingOrg('/allocation/assignments'),
    },
    {
      method: 'DELETE',
      path: `${A}/assignments/{assignmentId}`,
      setup: assignment,
      url: (x, f) => `${alloc(x)}/assignments/${f.assignmentId}`,
      allowed: orgAdmin,
      ...refused,
      crossTenant: { missingUrl: (x) => `${alloc(x)}/assignments/${id('allocationAssignment')}` },
    },
    {
      method: 'GET',
      path: `${A}/people/{personId}`,
      setup: async (t, x) => ({ personId: (await addPerson(t, x, 'Cy Diaz')).id }),
      url: (x, f) => `${alloc(x)}/people/${f.personId}`,
      allowed: orgRead,
      crossTenant: { missingUrl: (x) => `${alloc(x)}/people/${id('person')}` },
    },
    {
      method: 'POST',
      path: `${ORG}/people/{personId}/login-check`,
      setup: async (t, x) => ({ personId: (await addPerson(t, x, 'Dee Earl')).id }),
      url: (x, f) => `${orgPath(x)}/people/${f.personId}/login-check`,
      allowed: orgRead,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/people/${id('person')}/login-check` },
    },
  ];
}
