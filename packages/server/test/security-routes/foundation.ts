// Security table of the foundation routes: accounts, organizations, tokens, audit, signing keys.
import type { IdKind } from '@licentia/core';
import { call, type Tenant, type TestApp } from '../harness.ts';
import type { SecuredRoute } from '../security-suite.ts';

const missing = (t: TestApp, kind: IdKind) => t.ctx.newId(kind);
const org = (tenant: Tenant) => `/v1/accounts/${tenant.accountId}/organizations/${tenant.organizationId}`;
const admin = (_t: TestApp, tenant: Tenant) => tenant.tokens.admin;

async function mintToken(t: TestApp, tenant: Tenant) {
  const r = await call(t, 'POST', '/v1/tokens', {
    token: tenant.tokens.admin,
    body: { kind: 'account', name: 'fixture', roles: ['read-only'], accountId: tenant.accountId },
  });
  return { tokenId: r.json.token.id as string };
}

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const t = getApp;
  return [
    {
      method: 'POST',
      path: '/v1/accounts',
      url: () => '/v1/accounts',
      body: () => ({ name: 'x' }),
      allowed: (a) => a.operatorToken,
      forbidden: (x) => x.tokens.admin,
    },
    { method: 'GET', path: '/v1/accounts', url: () => '/v1/accounts', allowed: admin },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}',
      url: (x) => `/v1/accounts/${x.accountId}`,
      allowed: admin,
      crossTenant: { missingUrl: () => `/v1/accounts/${missing(t(), 'account')}` },
    },
    {
      method: 'DELETE',
      path: '/v1/accounts/{accountId}',
      url: (x) => `/v1/accounts/${x.accountId}`,
      allowed: (a) => a.operatorToken,
      forbidden: (x) => x.tokens.admin,
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/organizations',
      url: (x) => `/v1/accounts/${x.accountId}/organizations`,
      body: () => ({ name: 'Initech' }),
      allowed: admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: () => `/v1/accounts/${missing(t(), 'account')}/organizations` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/organizations',
      url: (x) => `/v1/accounts/${x.accountId}/organizations`,
      allowed: admin,
      crossTenant: { missingUrl: () => `/v1/accounts/${missing(t(), 'account')}/organizations` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/organizations/{organizationId}',
      url: org,
      allowed: admin,
      crossTenant: {
        missingUrl: (x) => `/v1/accounts/${x.accountId}/organizations/${missing(t(), 'organization')}`,
      },
    },
    {
      method: 'PATCH',
      path: '/v1/accounts/{accountId}/organizations/{organizationId}',
      url: org,
      body: () => ({ name: 'Renamed' }),
      allowed: admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: {
        missingUrl: (x) => `/v1/accounts/${x.accountId}/organizations/${missing(t(), 'organization')}`,
      },
    },
    {
      method: 'DELETE',
      path: '/v1/accounts/{accountId}/organizations/{organizationId}',
      setup: async (a, x) => ({
        id: (
          await call(a, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
            token: x.tokens.admin,
            body: { name: 'Doomed' },
          })
        ).json.id,
      }),
      url: (x, f) => `/v1/accounts/${x.accountId}/organizations/${f.id}`,
      allowed: admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: {
        missingUrl: (x) => `/v1/accounts/${x.accountId}/organizations/${missing(t(), 'organization')}`,
      },
    },
    {
      method: 'POST',
      path: '/v1/tokens',
      url: () => '/v1/tokens',
      allowed: admin,
      forbidden: (x) => x.tokens.readOnly,
      body: (x) => ({ kind: 'account', name: 'ci', roles: ['read-only'], accountId: x.accountId }),
    },
    {
      method: 'GET',
      path: '/v1/tokens',
      url: () => '/v1/tokens',
      allowed: admin,
      forbidden: (x) => x.tokens.orgRead,
    },
    {
      method: 'GET',
      path: '/v1/tokens/{tokenId}',
      setup: mintToken,
      url: (_x, f) => `/v1/tokens/${f.tokenId}`,
      allowed: admin,
      forbidden: (x) => x.tokens.orgRead,
      crossTenant: { missingUrl: () => `/v1/tokens/${missing(t(), 'token')}` },
    },
    {
      method: 'DELETE',
      path: '/v1/tokens/{tokenId}',
      setup: mintToken,
      url: (_x, f) => `/v1/tokens/${f.tokenId}`,
      allowed: admin,
      forbidden: (x) => x.tokens.readOnly,
      crossTenant: { missingUrl: () => `/v1/tokens/${missing(t(), 'token')}` },
    },
    ...(['events', 'verify', 'export'] as const).map(
      (op): SecuredRoute => ({
        method: 'GET',
        path: `/v1/audit/${op}`,
        url: (x) => `/v1/audit/${op}?accountId=${x.accountId}`,
        allowed: admin,
        crossTenant: { missingUrl: () => `/v1/audit/${op}?accountId=${missing(t(), 'account')}` },
      }),
    ),
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/signing-keys',
      url: (x) => `/v1/accounts/${x.accountId}/signing-keys`,
      allowed: admin,
      crossTenant: { missingUrl: () => `/v1/accounts/${missing(t(), 'account')}/signing-keys` },
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/signing-keys/rotate',
      url: (x) => `/v1/accounts/${x.accountId}/signing-keys/rotate`,
      allowed: admin,
      forbidden: (x) => x.tokens.developer,
      crossTenant: { missingUrl: () => `/v1/accounts/${missing(t(), 'account')}/signing-keys/rotate` },
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/signing-keys/{kid}/retire',
      setup: async (a, x) => {
        const active = (
          await call(a, 'GET', `/v1/accounts/${x.accountId}/signing-keys`, { token: x.tokens.admin })
        ).json.data.find((k: { status: string }) => k.status === 'ACTIVE');
        await call(a, 'POST', `/v1/accounts/${x.accountId}/signing-keys/rotate`, { token: x.tokens.admin });
        return { kid: active.kid };
      },
      url: (x, f) => `/v1/accounts/${x.accountId}/signing-keys/${f.kid}/retire`,
      allowed: admin,
      forbidden: (x) => x.tokens.developer,
      crossTenant: {
        missingUrl: (x) => `/v1/accounts/${x.accountId}/signing-keys/${missing(t(), 'signingKey')}/retire`,
      },
    },
    { method: 'GET', path: '/v1/me', url: () => '/v1/me', allowed: admin },
    { method: 'GET', path: '/v1/overview', url: () => '/v1/overview', allowed: admin },
  ];
}
