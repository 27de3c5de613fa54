// Security table of the license-overview routes (routes/license-overview/).
import { orgPath, setPlan } from '../customer-org-fixtures.ts';
import type { Tenant, TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

const TEMPLATE = '/v1/accounts/{accountId}/organizations/{organizationId}';

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingOrg = (x: Tenant) => orgPath({ ...x, organizationId: getApp().ctx.newId('organization') });
  return [
    {
      method: 'GET',
      path: `${TEMPLATE}/license-overview`,
      url: (x) => `${orgPath(x)}/license-overview`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/license-overview` },
    },
    {
      method: 'GET',
      path: `${TEMPLATE}/license-overview/users.csv`,
      setup: async (t, x) => {
        await setPlan(t, x, 'PROFESSIONAL');
        return {};
      },
      url: (x) => `${orgPath(x)}/license-overview/users.csv`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/license-overview/users.csv` },
    },
    {
      method: 'PUT',
      path: `${TEMPLATE}/plan`,
      url: (x) => `${orgPath(x)}/plan`,
      body: () => ({ plan: 'PROFESSIONAL' }),
      allowed: (_t, x) => x.tokens.admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/plan` },
    },
  ];
}
