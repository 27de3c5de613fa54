// Security table of the entitlement routes (routes/entitlements/): vendor-only writes, organization reads.
import { orgPath } from '../customer-org-fixtures.ts';
import { call, type Tenant, type TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

const TEMPLATE = '/v1/accounts/{accountId}/organizations/{organizationId}';

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingOrg = (x: Tenant) => orgPath({ ...x, organizationId: getApp().ctx.newId('organization') });
  const missingEntitlement = (x: Tenant) => `${orgPath(x)}/entitlements/${getApp().ctx.newId('entitlement')}`;
  const oneEntitlement = async (t: TestApp, x: Tenant) => {
    const r = await call(t, 'POST', `${orgPath(x)}/entitlements`, {
      token: x.tokens.admin,
      body: { kind: 'USER_LICENSE', code: 'USER', name: 'Users', quantity: 5 },
    });
    return { entitlementId: r.json.id as string };
  };
  return [
    {
      method: 'POST',
      path: `${TEMPLATE}/entitlements`,
      url: (x) => `${orgPath(x)}/entitlements`,
      body: () => ({ kind: 'DATABASE_INSTANCE', code: 'extra', name: 'Extra instance', quantity: 1 }),
      allowed: (_t, x) => x.tokens.developer,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/entitlements` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/entitlements`,
      url: (x) => `${orgPath(x)}/entitlements`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/entitlements` },
    },
    {
      method: 'PATCH',
      path: `${TEMPLATE}/entitlements/{entitlementId}`,
      setup: oneEntitlement,
      url: (x, f) => `${orgPath(x)}/entitlements/${f.entitlementId}`,
      body: () => ({ quantity: 7 }),
      allowed: (_t, x) => x.tokens.admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: missingEntitlement },
    },
    {
      method: 'DELETE',
      path: `${TEMPLATE}/entitlements/{entitlementId}`,
      setup: oneEntitlement,
      url: (x, f) => `${orgPath(x)}/entitlements/${f.entitlementId}`,
      allowed: (_t, x) => x.tokens.admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: missingEntitlement },
    },
  ];
}
