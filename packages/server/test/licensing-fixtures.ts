// Test fixtures for licensing suites: products, policies and licenses written straight to storage,
// so a suite about validation or machines does not depend on the catalog or issuing routes.
import { createHash } from 'node:crypto';
import {
  formatLicenseKey,
  initialLicenseDates,
  type LicenseOverrides,
  normalizeLicenseKey,
  type PolicyInput,
  validatePolicyInput,
} from '@licentia/core';
import { uniqueName } from '../../db/test/test-databases.ts';
import type { TestApp } from './harness.ts';

export async function seedProduct(
  t: TestApp,
  accountId: string,
  fields: { code?: string; name?: string; kind?: 'BASE' | 'ADD_ON'; requiresProductIds?: string[] } = {},
): Promise<{ id: string; code: string }> {
  const id = t.ctx.newId('product');
  const code = fields.code ?? uniqueName('prod');
  await t.database.db
    .insertInto('products')
    .values({
      id,
      account_id: accountId,
      code,
      name: fields.name ?? code,
      kind: fields.kind ?? 'BASE',
      requires_product_ids: fields.requiresProductIds ?? [],
    })
    .execute();
  return { id, code };
}

export async function seedRelease(
  t: TestApp,
  accountId: string,
  productId: string,
  version: string,
  releasedAt: Date,
) {
  const id = t.ctx.newId('release');
  await t.database.db
    .insertInto('releases')
    .values({ id, account_id: accountId, product_id: productId, version, released_at: releasedAt })
    .execute();
  return { id };
}

export async function seedPolicy(
  t: TestApp,
  accountId: string,
  productId: string,
  input: PolicyInput,
): Promise<{ id: string }> {
  const valid = validatePolicyInput(input);
  if (!valid.ok) throw new Error(`bad fixture policy: ${JSON.stringify(valid.errors)}`);
  const id = t.ctx.newId('policy');
  await t.database.db
    .insertInto('policies')
    .values({
      id,
      account_id: accountId,
      product_id: productId,
      name: input.name,
      model: input.model,
      spec: JSON.stringify(valid.value),
    })
    .execute();
  return { id };
}

export interface SeededLicense {
  id: string;
  key: string;
}

/** A license issued now (or at `issuedAt`) from a seeded policy, with its human key. */
export async function seedLicense(
  t: TestApp,
  fields: {
    accountId: string;
    organizationId: string;
    productId: string;
    policyId: string;
    status?: 'ACTIVE' | 'SUSPENDED' | 'REVOKED';
    issuedAt?: Date;
    expiresAt?: Date | null;
    overrides?: LicenseOverrides;
    boundFingerprints?: string[];
  },
): Promise<SeededLicense> {
  const policy = await t.database.db
    .selectFrom('policies')
    .select(['spec', 'model'])
    .where('id', '=', fields.policyId)
    .executeTakeFirstOrThrow();
  const issuedAt = fields.issuedAt ?? t.ctx.clock();
  const dates = initialLicenseDates(policy.spec as Parameters<typeof initialLicenseDates>[0], issuedAt);
  const id = t.ctx.newId('license');
  const key = formatLicenseKey(t.ctx.randomBytes(15));
  await t.database.db
    .insertInto('licenses')
    .values({
      id,
      account_id: fields.accountId,
      organization_id: fields.organizationId,
      product_id: fields.productId,
      policy_id: fields.policyId,
      key_hash: createHash('sha256').update(normalizeLicenseKey(key)!).digest('hex'),
      key_sealed: t.ctx.keys.seal(key, `${fields.accountId}:${id}`),
      key_hint: `${key.slice(0, 5)}…`,
      status: fields.status ?? 'ACTIVE',
      model: policy.model,
      issued_at: issuedAt,
      starts_at: dates.startsAt,
      expires_at: fields.expiresAt === undefined ? dates.expiresAt : fields.expiresAt,
      maintenance_ends_at: dates.maintenanceEndsAt,
      trial_activated_at: null,
      overrides: JSON.stringify(fields.overrides ?? {}),
      bound_fingerprints: fields.boundFingerprints ?? [],
      metadata: '{}',
    })
    .execute();
  return { id, key };
}
