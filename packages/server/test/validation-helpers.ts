// Helpers of the validation and machine suites: a product with a policy and a license in one call,
// product tokens, licensed-app requests, and a bounded wait on a condition (never a blind sleep).
import type { LicenseOverrides, PolicyInput } from '@licentia/core';
import { type CallResult, call, type Tenant, type TestApp } from './harness.ts';
import { seedLicense, seedPolicy, seedProduct } from './licensing-fixtures.ts';

export interface LicenseFixture {
  productId: string;
  policyId: string;
  licenseId: string;
  key: string;
}

export async function licenseFixture(
  t: TestApp,
  tenant: Tenant,
  policy: Omit<PolicyInput, 'name'> & { name?: string },
  license: {
    status?: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
    issuedAt?: Date;
    expiresAt?: Date | null;
    overrides?: LicenseOverrides;
    boundFingerprints?: string[];
  } = {},
): Promise<LicenseFixture> {
  const product = await seedProduct(t, tenant.accountId);
  const { id: policyId } = await seedPolicy(t, tenant.accountId, product.id, { name: 'policy', ...policy });
  const seeded = await seedLicense(t, {
    accountId: tenant.accountId,
    organizationId: tenant.organizationId,
    productId: product.id,
    policyId,
    ...license,
  });
  return { productId: product.id, policyId, licenseId: seeded.id, key: seeded.key };
}

export async function productToken(t: TestApp, tenant: Tenant, productId: string): Promise<string> {
  const r = await call(t, 'POST', '/v1/tokens', {
    token: tenant.tokens.admin,
    body: { kind: 'product', name: 'app', roles: ['licensed-app'], accountId: tenant.accountId, productId },
  });
  if (r.status !== 201) throw new Error(`product token: ${r.body}`);
  return r.json.secret as string;
}

export const validate = (t: TestApp, body: unknown, token?: string): Promise<CallResult> =>
  call(t, 'POST', '/v1/licenses/validate', { body, ...(token ? { token } : {}) });

export const activate = (t: TestApp, body: unknown, token?: string): Promise<CallResult> =>
  call(t, 'POST', '/v1/licenses/activate', { body, ...(token ? { token } : {}) });

/** Insert live machines directly (bypassing activation limits) to build over-limit states. */
export async function insertMachines(t: TestApp, accountId: string, licenseId: string, count: number) {
  for (let i = 0; i < count; i++) {
    await t.database.db
      .insertInto('machines')
      .values({
        id: t.ctx.newId('machine'),
        account_id: accountId,
        license_id: licenseId,
        fingerprint: `seeded-${i}-${Math.random().toString(36).slice(2)}`,
        hostname: null,
        platform: null,
        components: '{}',
        activated_at: new Date(),
        last_seen_at: null,
      })
      .execute();
  }
}

/** Poll `probe` every 10 ms until it returns true, failing after `timeoutMs`. */
export async function waitFor(probe: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const DAY_MS = 86_400_000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
