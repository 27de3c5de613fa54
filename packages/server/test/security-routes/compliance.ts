// Security table of the compliance and harvesting-agent routes. Reads need REPORTING or LICENSING
// (org-read tokens have REPORTING), changes need LICENSING (org-admin) or organization:write for vendor
// tokens, so a read-only vendor token is refused them; compliance settings are vendor-only
// (license:write).
import { harvestingRepository, licenseServerRepository } from '@licentia/db';
import type { Tenant, TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';
import { licenseFixture } from '../validation-helpers.ts';

const ORG = '/v1/accounts/{accountId}/organizations/{organizationId}';
const orgPath = (x: Tenant, orgId = x.organizationId) => `/v1/accounts/${x.accountId}/organizations/${orgId}`;
const unique = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 10)}`;

async function agent(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  const { agent } = await harvestingRepository.register(t.database.db, tenant, {
    id: t.ctx.newId('harvestingAgent'),
    host: unique('host'),
    now: new Date(),
  });
  return { agentId: agent.id };
}

async function group(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  const row = await harvestingRepository.insertGroup(t.database.db, tenant, {
    id: t.ctx.newId('harvestingGroup'),
    name: unique('group'),
    idleMinutes: 30,
    now: new Date(),
  });
  return { groupId: row.id };
}

async function server(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  const row = await licenseServerRepository.insert(t.database.db, tenant, {
    id: t.ctx.newId('licenseServer'),
    name: unique('srv'),
    hosts: [],
    vendorDaemons: [],
    timeZone: 'UTC',
    enabled: true,
    now: new Date(),
  });
  return { serverId: row.id };
}

async function license(t: TestApp, tenant: Tenant): Promise<Record<string, string>> {
  const f = await licenseFixture(t, tenant, { model: 'PERPETUAL', maxUsers: 10 });
  return { licenseId: f.licenseId };
}

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const newId = (kind: Parameters<TestApp['ctx']['newId']>[0]) => getApp().ctx.newId(kind);
  const missingOrg = (x: Tenant) => orgPath(x, newId('organization'));
  const read = (suffix: string): SecuredRoute => ({
    method: 'GET',
    path: `${ORG}${suffix}`,
    url: (x) => `${orgPath(x)}${suffix}`,
    allowed: (_t, x) => x.tokens.orgRead,
    crossTenant: { missingUrl: (x) => `${missingOrg(x)}${suffix}` },
  });
  return [
    read('/compliance'),
    read('/compliance/history'),
    read('/compliance/user-counts'),
    read('/compliance/license-servers'),
    read('/agents'),
    read('/harvesting-groups'),
    {
      method: 'POST',
      path: `${ORG}/compliance/evaluate`,
      url: (x) => `${orgPath(x)}/compliance/evaluate`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/compliance/evaluate` },
    },
    {
      method: 'PATCH',
      path: '/v1/accounts/{accountId}/licenses/{licenseId}/compliance',
      setup: license,
      url: (x, f) => `/v1/accounts/${x.accountId}/licenses/${f.licenseId}/compliance`,
      body: () => ({ gracePeriodDays: 14 }),
      allowed: (_t, x) => x.tokens.admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: {
        missingUrl: (x) => `/v1/accounts/${x.accountId}/licenses/${newId('license')}/compliance`,
      },
    },
    {
      method: 'POST',
      path: `${ORG}/license-servers/{licenseServerId}/status-reports`,
      setup: server,
      url: (x, f) => `${orgPath(x)}/license-servers/${f.serverId}/status-reports`,
      body: () => ({ reachable: true, version: '11.19.0' }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: {
        missingUrl: (x) => `${orgPath(x)}/license-servers/${newId('licenseServer')}/status-reports`,
      },
    },
    {
      method: 'POST',
      path: `${ORG}/agents`,
      url: (x) => `${orgPath(x)}/agents`,
      body: () => ({ host: unique('host') }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/agents` },
    },
    {
      method: 'PATCH',
      path: `${ORG}/agents/{agentId}`,
      setup: agent,
      url: (x, f) => `${orgPath(x)}/agents/${f.agentId}`,
      body: () => ({ harvestingEnabled: true }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/agents/${newId('harvestingAgent')}` },
    },
    {
      method: 'DELETE',
      path: `${ORG}/agents/{agentId}`,
      setup: agent,
      url: (x, f) => `${orgPath(x)}/agents/${f.agentId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/agents/${newId('harvestingAgent')}` },
    },
    {
      method: 'POST',
      path: `${ORG}/agents/{agentId}/reports`,
      setup: agent,
      url: (x, f) => `${orgPath(x)}/agents/${f.agentId}/reports`,
      body: () => ({ items: [] }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/agents/${newId('harvestingAgent')}/reports` },
    },
    {
      method: 'POST',
      path: `${ORG}/harvesting-groups`,
      url: (x) => `${orgPath(x)}/harvesting-groups`,
      body: () => ({ name: unique('group'), idleMinutes: 30 }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${missingOrg(x)}/harvesting-groups` },
    },
    {
      method: 'PATCH',
      path: `${ORG}/harvesting-groups/{groupId}`,
      setup: group,
      url: (x, f) => `${orgPath(x)}/harvesting-groups/${f.groupId}`,
      body: () => ({ idleMinutes: 45 }),
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/harvesting-groups/${newId('harvestingGroup')}` },
    },
    {
      method: 'DELETE',
      path: `${ORG}/harvesting-groups/{groupId}`,
      setup: group,
      url: (x, f) => `${orgPath(x)}/harvesting-groups/${f.groupId}`,
      allowed: (_t, x) => x.tokens.orgAdmin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: (x) => `${orgPath(x)}/harvesting-groups/${newId('harvestingGroup')}` },
    },
  ];
}
