// Security table of the environment routes (routes/environments/).
import { createEnvironment, orgPath } from '../customer-org-fixtures.ts';
import type { Tenant, TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';
import { licenseFixture } from '../validation-helpers.ts';

const TEMPLATE = '/v1/accounts/{accountId}/organizations/{organizationId}';

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingOrg = (x: Tenant) => orgPath({ ...x, organizationId: getApp().ctx.newId('organization') });
  const oneEnvironment = async (t: TestApp, x: Tenant) => ({
    environmentId: await createEnvironment(t, x, 'PRODUCTION'),
  });
  return [
    {
      method: 'POST',
      path: `${TEMPLATE}/environments`,
      url: (x) => `${orgPath(x)}/environments`,
      body: () => ({ name: `Production ${Math.random()}`, kind: 'PRODUCTION' }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/environments` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/environments`,
      url: (x) => `${orgPath(x)}/environments`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/environments` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/environments/{environmentId}`,
      setup: oneEnvironment,
      url: (x, f) => `${orgPath(x)}/environments/${f.environmentId}`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/environments/${getApp().ctx.newId('environment')}` },
    },
    {
      method: 'PATCH',
      path: `${TEMPLATE}/environments/{environmentId}`,
      setup: oneEnvironment,
      url: (x, f) => `${orgPath(x)}/environments/${f.environmentId}`,
      body: () => ({ name: `Renamed ${Math.random()}` }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/environments/${getApp().ctx.newId('environment')}` },
    },
    {
      method: 'DELETE',
      path: `${TEMPLATE}/environments/{environmentId}`,
      setup: oneEnvironment,
      url: (x, f) => `${orgPath(x)}/environments/${f.environmentId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/environments/${getApp().ctx.newId('environment')}` },
    },
    {
      method: 'PUT',
      path: `${TEMPLATE}/licenses/{licenseId}/environment`,
      setup: async (t, x) => ({
        ...(await oneEnvironment(t, x)),
        licenseId: (await licenseFixture(t, x, { model: 'PERPETUAL' })).licenseId,
      }),
      url: (x, f) => `${orgPath(x)}/licenses/${f.licenseId}/environment`,
      body: (_x, f) => ({ environmentId: f.environmentId ?? null }),
      allowed: (_t, x) => x.tokens.admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: {
        missingUrl: (x) => `${orgPath(x)}/licenses/${getApp().ctx.newId('license')}/environment`,
      },
    },
  ];
}
