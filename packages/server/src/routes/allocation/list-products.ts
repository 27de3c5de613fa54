// GET …/allocation/products — the license products the organization holds for allocation, from an
// imported license file (IMPORT) or from its licenses with the vendor (VENDOR).
import { allocationRepository } from '@licentia/db';
import { Type } from 'typebox';
import { repairOrganization } from '../../allocation/allocation-background.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_READ } from './allocation-access.ts';
import { AllocationProduct, toProduct } from './allocation-schema.ts';

export function listProducts(app: App, ctx: AppContext): void {
  app.get(
    `${ALLOCATION_PATH}/products`,
    {
      schema: {
        summary: 'List the license products available for allocation',
        tags: ['allocation'],
        params: OrganizationParams,
        response: { 200: Type.Object({ data: Type.Array(AllocationProduct) }), ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ALLOCATION_READ);
      await repairOrganization(ctx, scope);
      return { data: (await allocationRepository.listProducts(ctx.db, scope)).map(toProduct) };
    },
  );
}
