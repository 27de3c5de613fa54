// POST …/allocation/recompute — full recompute of everyone in the organization, for administrators
// (after a bulk import, or to verify). Refreshes stale vendor products first; writes only the rows
// that differ from a fresh decision.
import { allocationRepository } from '@licentia/db';
import { Type } from 'typebox';
import { refreshFromVendor } from '../../allocation/allocation-sync.ts';
import { recomputeAllocation } from '../../allocation/recompute-allocation.ts';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_WRITE } from './allocation-access.ts';
import { RecomputeSchema, toRecompute } from './allocation-schema.ts';

export function recompute(app: App, ctx: AppContext): void {
  app.post(
    `${ALLOCATION_PATH}/recompute`,
    {
      schema: {
        summary: 'Recompute the effective licenses of everyone in the organization',
        tags: ['allocation'],
        params: OrganizationParams,
        response: {
          200: Type.Object({ refresh: Nullable(RecomputeSchema), recompute: RecomputeSchema }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ALLOCATION_WRITE);
      return mutate(ctx, request, async (trx, audit) => {
        const state = await allocationRepository.lock(trx, scope);
        const refresh = state.licensesStale ? await refreshFromVendor(trx, ctx, scope) : null;
        const full = await recomputeAllocation(trx, ctx, scope, { all: true }, 'FULL');
        await audit({
          chainId: scope.accountId,
          action: 'allocation.recomputed',
          targetType: 'organization',
          targetId: scope.organizationId,
          changes: { peopleReached: full.peopleReached, peopleChanged: full.peopleChanged },
        });
        return { refresh: toRecompute(refresh), recompute: toRecompute(full)! };
      });
    },
  );
}
