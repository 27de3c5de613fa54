// Security table of the license and approval routes: reads need license:read, lifecycle steps
// license:write (read-only gets 403), credentials license:write or an org-admin of the license's
// organization, decisions approval:decide from a token other than the requester's.
import type { IdKind } from '@licentia/core';
import { call, type Tenant, type TestApp } from '../harness.ts';
import { seedLicense, seedPolicy, seedProduct } from '../licensing-fixtures.ts';
import type { SecuredRoute } from '../security-suite.ts';

const missing = (t: TestApp, kind: IdKind) => t.ctx.newId(kind);
const admin = (_t: TestApp, tenant: Tenant) => tenant.tokens.admin;
const readOnly = (tenant: Tenant) => tenant.tokens.readOnly;
const licenses = (x: Tenant) => `/v1/accounts/${x.accountId}/licenses`;
const FP = 'a'.repeat(64);

/** A product with a yearly (5 machines, 365.00 per seat and year) and a 14-day trial policy. */
export async function seedPolicies(t: TestApp, x: Tenant) {
  const product = await seedProduct(t, x.accountId);
  const yearly = await seedPolicy(t, x.accountId, product.id, {
    name: 'Yearly',
    model: 'SUBSCRIPTION',
    durationIso: 'P1Y',
    maxMachines: 5,
    priceCents: 36_500,
    billingPeriodIso: 'P1Y',
  });
  const trial = await seedPolicy(t, x.accountId, product.id, {
    name: 'Trial',
    model: 'TRIAL',
    durationIso: 'P14D',
  });
  return { productId: product.id, policyId: yearly.id, trialPolicyId: trial.id };
}

/** {@link seedPolicies} plus an ACTIVE license (yearly, or the trial) of the tenant's organization. */
export async function seedYearlyLicense(
  t: TestApp,
  x: Tenant,
  model: 'SUBSCRIPTION' | 'TRIAL' = 'SUBSCRIPTION',
) {
  const policies = await seedPolicies(t, x);
  const license = await seedLicense(t, {
    accountId: x.accountId,
    organizationId: x.organizationId,
    productId: policies.productId,
    policyId: model === 'TRIAL' ? policies.trialPolicyId : policies.policyId,
  });
  return { ...policies, licenseId: license.id };
}

async function transferRequest(t: TestApp, x: Tenant) {
  const seeded = await seedYearlyLicense(t, x);
  const org = await call(t, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
    token: x.tokens.admin,
    body: { name: 'Other customer' },
  });
  // Requested by a second admin token: the tenant's own admin is then a different token and may decide.
  const requester = await call(t, 'POST', '/v1/tokens', {
    token: t.operatorToken,
    body: { kind: 'account', name: 'requester', roles: ['admin'], accountId: x.accountId },
  });
  const r = await call(t, 'POST', `${licenses(x)}/${seeded.licenseId}/transfer-requests`, {
    token: requester.json.secret,
    body: { toOrganizationId: org.json.id },
  });
  return { ...seeded, requestId: r.json.id as string, toOrganizationId: org.json.id as string };
}

export function securityRoutes(getApp: () => TestApp): SecuredRoute[] {
  const t = getApp;
  const onAccount = (suffix: string) => ({
    missingUrl: () => `/v1/accounts/${missing(t(), 'account')}${suffix}`,
  });
  const onLicense = (suffix: string) => ({
    missingUrl: (x: Tenant) => `${licenses(x)}/${missing(t(), 'license')}${suffix}`,
  });
  const licenseRoute = (
    method: 'GET' | 'POST',
    suffix: string,
    extra: Partial<SecuredRoute> = {},
  ): SecuredRoute => ({
    method,
    path: `/v1/accounts/{accountId}/licenses/{licenseId}${suffix}`,
    url: (x, f) => `${licenses(x)}/${f.licenseId}${suffix}`,
    setup: (a, x) => seedYearlyLicense(a, x),
    allowed: admin,
    crossTenant: onLicense(suffix),
    ...(method === 'POST' ? { forbidden: readOnly } : {}),
    ...extra,
  });
  const approvals = (x: Tenant) => `/v1/accounts/${x.accountId}/approval-requests`;
  return [
    {
      method: 'POST',
      path: '/v1/accounts/{accountId}/licenses',
      url: licenses,
      setup: (a, x) => seedYearlyLicense(a, x),
      body: (x, f) => ({ policyId: f.policyId ?? missing(t(), 'policy'), organizationId: x.organizationId }),
      allowed: admin,
      forbidden: readOnly,
      crossTenant: onAccount('/licenses'),
    },
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/licenses',
      url: licenses,
      allowed: admin,
      crossTenant: onAccount('/licenses'),
    },
    licenseRoute('GET', ''),
    licenseRoute('GET', '/key', { forbidden: readOnly }),
    licenseRoute('GET', '/token'),
    licenseRoute('POST', '/suspend'),
    licenseRoute('POST', '/reinstate', {
      setup: async (a, x) => {
        const f = await seedYearlyLicense(a, x);
        await call(a, 'POST', `${licenses(x)}/${f.licenseId}/suspend`, { token: x.tokens.admin });
        return f;
      },
    }),
    licenseRoute('POST', '/revoke'),
    licenseRoute('POST', '/renew'),
    licenseRoute('POST', '/amendments', { body: () => ({ seats: 8, preview: true }) }),
    licenseRoute('POST', '/convert', {
      setup: (a, x) => seedYearlyLicense(a, x, 'TRIAL'),
      body: (_x, f) => ({ policyId: f.policyId ?? missing(t(), 'policy') }),
    }),
    licenseRoute('POST', '/transfer-requests', {
      setup: async (a, x) => {
        const f = await seedYearlyLicense(a, x);
        const org = await call(a, 'POST', `/v1/accounts/${x.accountId}/organizations`, {
          token: x.tokens.admin,
          body: { name: 'Other customer' },
        });
        return { ...f, toOrganizationId: org.json.id as string };
      },
      body: (x, f) => ({ toOrganizationId: f.toOrganizationId ?? x.organizationId }),
    }),
    licenseRoute('POST', '/license-file', { body: () => ({ fingerprint: FP }) }),
    {
      method: 'GET',
      path: '/v1/accounts/{accountId}/approval-requests',
      url: approvals,
      allowed: admin,
      crossTenant: onAccount('/approval-requests'),
    },
    ...(['approve', 'reject'] as const).map(
      (decision): SecuredRoute => ({
        method: 'POST',
        path: `/v1/accounts/{accountId}/approval-requests/{requestId}/${decision}`,
        url: (x, f) => `${approvals(x)}/${f.requestId}/${decision}`,
        setup: transferRequest,
        allowed: admin,
        forbidden: (x) => x.tokens.developer,
        crossTenant: { missingUrl: (x) => `${approvals(x)}/${missing(t(), 'approvalRequest')}/${decision}` },
      }),
    ),
  ];
}
