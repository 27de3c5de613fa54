// Security table of the vendor-side machine and validation-history routes. The licensed-app routes
// (validate, activate, deactivate) are public — authenticated by the license key — and are tested
// for product-token scoping in validation.test.ts and machines.test.ts.
import { call, type Tenant, type TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';
import { licenseFixture } from '../validation-helpers.ts';

const fp = (i: number) => i.toString(16).padStart(64, '0');

async function licenseWithMachine(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  const f = await licenseFixture(t, tenant, { name: 'security', model: 'FLOATING', maxMachines: 5 });
  const res = await call(t, 'POST', '/v1/licenses/activate', { body: { key: f.key, fingerprint: fp(1) } });
  return { licenseId: f.licenseId, machineId: res.json.machine.id as string };
}

const licensePath = (x: Tenant, licenseId: string) => `/v1/accounts/${x.accountId}/licenses/${licenseId}`;

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingLicense = (x: Tenant) => licensePath(x, getApp().ctx.newId('license'));
  return [
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/licenses/{licenseId}/machines',
      setup: licenseWithMachine,
      url: (x, f) => `${licensePath(x, f.licenseId!)}/machines`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingLicense(x)}/machines` },
    },
    {
      method: 'DELETE',
      path: '/v1/accounts/{accountId}/licenses/{licenseId}/machines/{machineId}',
      setup: licenseWithMachine,
      url: (x, f) => `${licensePath(x, f.licenseId!)}/machines/${f.machineId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.orgRead,
      crossTenant: { missingUrl: (x) => `${missingLicense(x)}/machines/${getApp().ctx.newId('machine')}` },
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/licenses/{licenseId}/machine-transfer-requests',
      setup: licenseWithMachine,
      url: (x, f) => `${licensePath(x, f.licenseId!)}/machine-transfer-requests`,
      body: () => ({ fromFingerprint: fp(1), toFingerprint: fp(2) }),
      allowed: (_t, x) => x.tokens.developer,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingLicense(x)}/machine-transfer-requests` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/licenses/{licenseId}/validations',
      setup: licenseWithMachine,
      url: (x, f) => `${licensePath(x, f.licenseId!)}/validations`,
      allowed: (_t, x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingLicense(x)}/validations` },
    },
  ];
}
