// Security table of the floating administration routes. The licensed-app routes (/v1/floating/checkout,
// heartbeat, checkin, queue/…) are public — authenticated by the license key or a product token — and
// are tested for scoping in floating-checkout.test.ts.
import { checkout, floatingLicense } from '../floating-helpers.ts';
import type { Tenant, TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

async function licenseWithLease(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  const f = await floatingLicense(t, tenant, 2);
  const res = await checkout(t, f, {});
  return { licenseId: f.licenseId, leaseId: res.json.lease.id as string };
}

const floatingPath = (x: Tenant, licenseId: string) =>
  `/v1/accounts/${x.accountId}/licenses/${licenseId}/floating`;

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missing = (x: Tenant) => floatingPath(x, getApp().ctx.newId('license'));
  const readRoute = (suffix: string): SecuredRoute => ({
    method: 'GET',
    path: `/v1/accounts/{accountId}/licenses/{licenseId}/floating/${suffix}`,
    setup: licenseWithLease,
    url: (x, f) => `${floatingPath(x, f.licenseId!)}/${suffix}`,
    allowed: (_t, x) => x.tokens.orgRead,
    crossTenant: { missingUrl: (x) => `${missing(x)}/${suffix}` },
  });
  return [
    readRoute('pools'),
    readRoute('leases'),
    readRoute('options'),
    readRoute('options/export'),
    {
      method: 'DELETE',
      path: '/v1/accounts/{accountId}/licenses/{licenseId}/floating/leases/{leaseId}',
      setup: licenseWithLease,
      url: (x, f) => `${floatingPath(x, f.licenseId!)}/leases/${f.leaseId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missing(x)}/leases/${getApp().ctx.newId('lease')}` },
    },
    {
      method: 'PUT',
      path: '/v1/accounts/{accountId}/licenses/{licenseId}/floating/options',
      setup: licenseWithLease,
      url: (x, f) => `${floatingPath(x, f.licenseId!)}/options`,
      body: () => ({ features: { CAD: { seats: 1 } } }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missing(x)}/options` },
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/licenses/{licenseId}/floating/options/import',
      setup: licenseWithLease,
      url: (x, f) => `${floatingPath(x, f.licenseId!)}/options/import`,
      body: () => ({ text: 'MAX 1 CAD USER bob\n' }),
      allowed: (_t, x) => x.tokens.developer,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missing(x)}/options/import` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/floating/status',
      setup: licenseWithLease,
      url: (x) => `/v1/accounts/${x.accountId}/floating/status`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: () => `/v1/accounts/${getApp().ctx.newId('account')}/floating/status` },
    },
  ];
}
