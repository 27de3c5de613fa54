// What "licenses fetched from the vendor" means here: the organization's licenses in the licensing
// core with their effective named-user limit, and the account's catalog products with feature codes.
// core allocation/vendor-products.ts turns them into allocation products.
import type { VendorLicense, VendorProduct } from '@licentia/core';
import { type Kysely, sql } from 'kysely';
import type { Schema } from '../schema.ts';
import type { AllocationScope } from './allocation-repository.ts';

export const allocationVendorRepository = {
  async input(
    db: Kysely<Schema>,
    s: AllocationScope,
  ): Promise<{ licenses: VendorLicense[]; products: VendorProduct[] }> {
    const [licenses, products, features] = await Promise.all([
      db
        .selectFrom('licenses as l')
        .innerJoin('policies as pol', 'pol.id', 'l.policy_id')
        .select([
          'l.product_id as productId',
          'l.status',
          'l.starts_at as startsAt',
          'l.expires_at as expiresAt',
          // A per-license override (even null: unlimited) wins over the policy, as in effectiveTerms.
          sql<string | null>`CASE WHEN jsonb_exists(l.overrides, 'maxUsers') THEN l.overrides->>'maxUsers'
            ELSE pol.spec->>'maxUsers' END`.as('maxUsers'),
          sql<string | null>`l.metadata->>'userLicenseType'`.as('userLicenseType'),
        ])
        .where('l.account_id', '=', s.accountId)
        .where('l.organization_id', '=', s.organizationId)
        .execute(),
      db
        .selectFrom('products')
        .select([
          'id',
          'code',
          'name',
          'kind',
          'requires_product_ids as requiresProductIds',
          'generation',
          'rank',
          'audience',
        ])
        .where('account_id', '=', s.accountId)
        .where('deleted_at', 'is', null)
        .execute(),
      db
        .selectFrom('features as f')
        .innerJoin('products as p', 'p.id', 'f.product_id')
        .select(['f.product_id as productId', 'f.code'])
        .where('f.account_id', '=', s.accountId)
        .where('p.deleted_at', 'is', null)
        .execute(),
    ]);
    const codes = new Map<string, string[]>();
    for (const f of features) codes.set(f.productId, [...(codes.get(f.productId) ?? []), f.code]);
    return {
      licenses: licenses.map((l) => ({ ...l, maxUsers: l.maxUsers === null ? null : Number(l.maxUsers) })),
      products: products.map((p) => ({ ...p, featureCodes: codes.get(p.id) ?? [] })),
    };
  },
};
