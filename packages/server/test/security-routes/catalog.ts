// Security table of the catalog and policy routes: reads need catalog:read (every account role;
// organization tokens get 404), writes need catalog:write (read-only gets 403).
import type { IdKind } from '@licentia/core';
import { uniqueName } from '../../../db/test/test-databases.ts';
import { call, type Tenant, type TestApp } from '../harness.ts';
import { seedPolicy, seedProduct, seedRelease } from '../licensing-fixtures.ts';
import type { SecuredRoute } from '../security-suite.ts';

const missing = (t: TestApp, kind: IdKind) => t.ctx.newId(kind);
const admin = (_t: TestApp, tenant: Tenant) => tenant.tokens.admin;
const readOnly = (tenant: Tenant) => tenant.tokens.readOnly;
const products = (x: Tenant) => `/v1/accounts/${x.accountId}/products`;
const policies = (x: Tenant) => `/v1/accounts/${x.accountId}/policies`;

async function product(t: TestApp, x: Tenant) {
  return { productId: (await seedProduct(t, x.accountId)).id };
}

async function feature(t: TestApp, x: Tenant) {
  const { productId } = await product(t, x);
  const r = await call(t, 'POST', `${products(x)}/${productId}/features`, {
    token: x.tokens.admin,
    body: { code: 'EXPORT_PDF', name: 'PDF export' },
  });
  return { productId, featureId: r.json.id as string };
}

async function policy(t: TestApp, x: Tenant) {
  const { productId } = await product(t, x);
  const { id } = await seedPolicy(t, x.accountId, productId, { name: 'Perpetual', model: 'PERPETUAL' });
  return { productId, policyId: id };
}

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const t = getApp;
  const productUrl = (x: Tenant, f: Record<string, string>) => `${products(x)}/${f.productId}`;
  const missingProduct = (x: Tenant) => `${products(x)}/${missing(t(), 'product')}`;
  const missingPolicy = (x: Tenant) => `${policies(x)}/${missing(t(), 'policy')}`;
  const onAccount = (suffix: string) => ({
    missingUrl: () => `/v1/accounts/${missing(t(), 'account')}${suffix}`,
  });
  const write = { allowed: admin, forbidden: readOnly } as const;
  return [
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/products',
      url: products,
      body: () => ({ code: uniqueName('prod'), name: 'Product' }),
      ...write,
      crossTenant: onAccount('/products'),
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/products',
      url: products,
      allowed: admin,
      crossTenant: onAccount('/products'),
    },
    ...(['GET', 'PATCH', 'DELETE'] as const).map(
      (method): SecuredRoute => ({
        method,
        path: '/v1/accounts/{accountId}/products/{productId}',
        setup: product,
        url: productUrl,
        ...(method === 'PATCH' ? { body: () => ({ name: 'Renamed' }) } : {}),
        ...(method === 'GET' ? { allowed: admin } : write),
        crossTenant: { missingUrl: missingProduct },
      }),
    ),
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/products/{productId}/releases',
      setup: product,
      url: (x, f) => `${productUrl(x, f)}/releases`,
      body: () => ({ version: '1.2.3', releasedAt: '2025-01-01T00:00:00Z' }),
      ...write,
      crossTenant: { missingUrl: (x) => `${missingProduct(x)}/releases` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/products/{productId}/releases',
      setup: product,
      url: (x, f) => `${productUrl(x, f)}/releases`,
      allowed: admin,
      crossTenant: { missingUrl: (x) => `${missingProduct(x)}/releases` },
    },
    {
      method: 'DELETE',
      path: '/v1/accounts/{accountId}/products/{productId}/releases/{releaseId}',
      setup: async (a, x) => {
        const { productId } = await product(a, x);
        const { id } = await seedRelease(
          a,
          x.accountId,
          productId,
          '1.0.0',
          new Date('2024-01-01T00:00:00Z'),
        );
        return { productId, releaseId: id };
      },
      url: (x, f) => `${productUrl(x, f)}/releases/${f.releaseId}`,
      ...write,
      crossTenant: { missingUrl: (x) => `${missingProduct(x)}/releases/${missing(t(), 'release')}` },
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/products/{productId}/features',
      setup: product,
      url: (x, f) => `${productUrl(x, f)}/features`,
      body: () => ({ code: 'CLOUD_SYNC', name: 'Cloud sync' }),
      ...write,
      crossTenant: { missingUrl: (x) => `${missingProduct(x)}/features` },
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/products/{productId}/features',
      setup: product,
      url: (x, f) => `${productUrl(x, f)}/features`,
      allowed: admin,
      crossTenant: { missingUrl: (x) => `${missingProduct(x)}/features` },
    },
    {
      method: 'DELETE',
      path: '/v1/accounts/{accountId}/products/{productId}/features/{featureId}',
      setup: feature,
      url: (x, f) => `${productUrl(x, f)}/features/${f.featureId}`,
      ...write,
      crossTenant: { missingUrl: (x) => `${missingProduct(x)}/features/${missing(t(), 'feature')}` },
    },
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/policies',
      setup: product,
      url: policies,
      body: (_x, f) => ({ productId: f.productId ?? missing(t(), 'product'), name: 'Site', model: 'SITE' }),
      ...write,
      crossTenant: onAccount('/policies'),
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/policies',
      url: policies,
      allowed: admin,
      crossTenant: onAccount('/policies'),
    },
    ...(['GET', 'PATCH', 'DELETE'] as const).map(
      (method): SecuredRoute => ({
        method,
        path: '/v1/accounts/{accountId}/policies/{policyId}',
        setup: policy,
        url: (x, f) => `${policies(x)}/${f.policyId}`,
        ...(method === 'PATCH' ? { body: () => ({ maxMachines: 5 }) } : {}),
        ...(method === 'GET' ? { allowed: admin } : write),
        crossTenant: { missingUrl: missingPolicy },
      }),
    ),
  ];
}
