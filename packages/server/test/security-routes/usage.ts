// Security table of the usage and license-server routes of customer organizations. Reads need the
// REPORTING privilege (org-read tokens have it), changes need LICENSING (org-admin); vendor tokens
// need organization:read / organization:write, so a read-only vendor token is refused changes.
import { licenseServerRepository } from '@licentia/db';
import type { Tenant, TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

const orgPath = (x: Tenant, orgId = x.organizationId) => `/v1/accounts/${x.accountId}/organizations/${orgId}`;
const ORG = '/v1/accounts/{accountId}/organizations/{organizationId}';

async function server(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  const row = await licenseServerRepository.insert(t.database.db, tenant, {
    id: t.ctx.newId('licenseServer'),
    name: `srv-${Math.random().toString(36).slice(2, 10)}`,
    hosts: [],
    vendorDaemons: [],
    timeZone: 'UTC',
    enabled: true,
    now: new Date(),
  });
  return { serverId: row.id };
}

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const missingOrg = (x: Tenant) => orgPath(x, getApp().ctx.newId('organization'));
  const missingServer = (x: Tenant) => `${orgPath(x)}/license-servers/${getApp().ctx.newId('licenseServer')}`;
  const read = (suffix: string): SecuredRoute => ({
    method: 'GET',
    path: `${ORG}${suffix}`,
    url: (x) => `${orgPath(x)}${suffix}`,
    allowed: (_t, x) => x.tokens.orgRead,
    crossTenant: { missingUrl: (x) => `${missingOrg(x)}${suffix}` },
  });
  return [
    {
      method: 'POST',
      path: `${ORG}/usage/imports`,
      url: (x) => `${orgPath(x)}/usage/imports?format=csv&server=security`,
      body: () => 'time,kind,feature,user,host,count,server,version\n2024-05-01T09:00:00Z,OUT,cad,a,pc,,,\n',
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/usage/imports?format=csv&server=security` },
    },
    read('/usage/user-count'),
    read('/usage/denials'),
    read('/usage/events'),
    read('/usage/settings'),
    {
      method: 'PUT',
      path: `${ORG}/usage/settings`,
      url: (x) => `${orgPath(x)}/usage/settings`,
      body: () => ({ usernamesCaseSensitive: false }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/usage/settings` },
    },
    {
      method: 'POST',
      path: `${ORG}/license-servers`,
      url: (x) => `${orgPath(x)}/license-servers`,
      body: () => ({ name: `srv-${Math.random().toString(36).slice(2, 10)}` }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/license-servers` },
    },
    read('/license-servers'),
    {
      method: 'GET',
      path: `${ORG}/license-servers/{licenseServerId}`,
      setup: server,
      url: (x, f) => `${orgPath(x)}/license-servers/${f.serverId}`,
      allowed: (_t, x) => x.tokens.orgRead,
      crossTenant: { missingUrl: missingServer },
    },
    {
      method: 'PATCH',
      path: `${ORG}/license-servers/{licenseServerId}`,
      setup: server,
      url: (x, f) => `${orgPath(x)}/license-servers/${f.serverId}`,
      body: () => ({ enabled: false }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: missingServer },
    },
    {
      method: 'DELETE',
      path: `${ORG}/license-servers/{licenseServerId}`,
      setup: server,
      url: (x, f) => `${orgPath(x)}/license-servers/${f.serverId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: missingServer },
    },
  ];
}
