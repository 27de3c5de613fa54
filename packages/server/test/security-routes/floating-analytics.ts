// Security table of the floating usage analytics route: vendor tokens see the account, organization
// tokens their own organization's licenses; another tenant's license answers like a missing one.
import { analyticsUrl, floatingLicense } from '../floating-analytics-fixtures.ts';
import type { TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  return [
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/floating/analytics',
      setup: async (t, tenant) => ({
        licenseId: (await floatingLicense(t, tenant, { cad: { seats: 2 } })).licenseId,
      }),
      url: (x, f) => analyticsUrl(x.accountId, { licenseId: f.licenseId! }),
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: {
        missingUrl: (x) => analyticsUrl(x.accountId, { licenseId: getApp().ctx.newId('license') }),
      },
    },
  ];
}
