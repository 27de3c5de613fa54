// POST …/allocation/licenses/import — import a license file's product list ("a license file is
// imported manually", seed 004). The licensing core has no import of license files into an
// organization, so this takes the product list itself; it replaces the IMPORT products and
// recomputes the holders of every product added, removed or altered. Vendor only: what an
// organization holds is the vendor's to say (an organization token gets CONTACT_ACCOUNT_MANAGER).
import { type AllocationProduct, AppError, checkProductList } from '@licentia/core';
import { allocationRepository } from '@licentia/db';
import { Type } from 'typebox';
import { importProducts } from '../../allocation/allocation-sync.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { vendorAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, allocationMutation } from './allocation-access.ts';
import {
  ImportBody,
  AllocationProduct as ProductSchema,
  RecomputeSchema,
  toProduct,
  toRecompute,
} from './allocation-schema.ts';

export function importLicenses(app: App, ctx: AppContext): void {
  app.post(
    `${ALLOCATION_PATH}/licenses/import`,
    {
      schema: {
        summary: 'Import a license file (product list) for allocation',
        description:
          'Replaces the imported products with the list; products from the vendor licenses are kept and ' +
          'cannot be imported. Recomputes exactly the people holding a product that changed.',
        tags: ['allocation'],
        params: OrganizationParams,
        body: ImportBody,
        response: {
          200: Type.Object({ products: Type.Array(ProductSchema), recompute: RecomputeSchema }),
          409: Problem,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const scope = request.params;
      await vendorAccess(request, ctx, scope);
      const products: AllocationProduct[] = request.body.products.map((p) => ({
        ...p,
        requiresCodes: p.requiresCodes ?? [],
        quantity: p.quantity ?? null,
        userLicenseType: p.userLicenseType ?? 'USER',
      }));
      const problems = checkProductList(products);
      if (problems.length > 0) {
        const first = problems[0]!;
        throw new AppError('INVALID_FIELD', problems.map((p) => p.message).join('; '), {
          field: `/body/products/${first.index}/${first.field}`,
          extensions: { problems },
        });
      }
      return allocationMutation(ctx, request, scope, async (trx, audit) => {
        const recompute = await importProducts(trx, ctx, scope, products);
        await audit({
          chainId: scope.accountId,
          action: 'allocation.licenses_imported',
          targetType: 'organization',
          targetId: scope.organizationId,
          changes: { codes: products.map((p) => p.code), peopleChanged: recompute.peopleChanged },
        });
        const rows = await allocationRepository.listProducts(trx, scope);
        return { products: rows.map(toProduct), recompute: toRecompute(recompute)! };
      });
    },
  );
}
