// Security table of the CSV import route (routes/imports/). The suite sends no body: the default
// dry run then answers 200 with a line-1 "empty file" error, which is enough to prove access.
import { orgPath } from '../customer-org-fixtures.ts';
import type { Tenant, TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

const TEMPLATE = '/v1/accounts/{accountId}/organizations/{organizationId}';

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingOrg = (x: Tenant) => orgPath({ ...x, organizationId: getApp().ctx.newId('organization') });
  return [
    {
      method: 'POST',
      path: `${TEMPLATE}/imports/{kind}`,
      url: (x) => `${orgPath(x)}/imports/people`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/imports/people` },
    },
  ];
}
