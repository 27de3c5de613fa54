// POST …/allocation/licenses/refresh — fetch the organization's licenses from the vendor (the
// licensing core) now: re-derive the VENDOR products and recompute the holders of what changed. The
// same refresh also runs by itself whenever those licenses change (see allocation-sync.ts).
import { allocationRepository } from '@licentia/db';
import { Type } from 'typebox';
import { refreshFromVendor } from '../../allocation/allocation-sync.ts';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_WRITE } from './allocation-access.ts';
import { AllocationProduct, RecomputeSchema, toProduct, toRecompute } from './allocation-schema.ts';

export function refreshLicenses(app: App, ctx: AppContext): void {
  app.post(
    `${ALLOCATION_PATH}/licenses/refresh`,
    {
      schema: {
        summary: "Refresh the allocation products from the organization's vendor licenses",
        tags: ['allocation'],
        params: OrganizationParams,
        response: {
          200: Type.Object({ products: Type.Array(AllocationProduct), recompute: RecomputeSchema }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ALLOCATION_WRITE);
      return mutate(ctx, request, async (trx, audit) => {
        // Lock without the automatic repair: this refresh is the repair, reported as such.
        await allocationRepository.lock(trx, scope);
        const recompute = await refreshFromVendor(trx, ctx, scope);
        await audit({
          chainId: scope.accountId,
          action: 'allocation.licenses_refreshed',
          targetType: 'organization',
          targetId: scope.organizationId,
          changes: { peopleChanged: recompute.peopleChanged },
        });
        const rows = await allocationRepository.listProducts(trx, scope);
        return { products: rows.map(toProduct), recompute: toRecompute(recompute)! };
      });
    },
  );
}
