// PUT and DELETE …/allocation/groups/{groupId}/groups/{childGroupId} — nest a group (or license
// group) inside another, or undo it. The nested group's people, and those of every group below it,
// are recomputed. A nesting that would close a cycle is refused with 409 GROUP_CYCLE naming it.
import { AppError, nestingCycle, notFound } from '@licentia/core';
import {
  allocationGraphRepository,
  allocationMembershipRepository,
  allocationRepository,
} from '@licentia/db';
import { Type } from 'typebox';
import { recomputeAllocation } from '../../allocation/recompute-allocation.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Nullable, Problem } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { ALLOCATION_PATH, ALLOCATION_WRITE, allocationMutation } from './allocation-access.ts';
import { NestedGroupParams, RecomputeSchema, toRecompute } from './allocation-schema.ts';

const Answer = Type.Object({
  groupId: Type.String(),
  childGroupId: Type.String(),
  recompute: Nullable(RecomputeSchema),
});

export function nestedGroups(app: App, ctx: AppContext): void {
  for (const method of ['PUT', 'DELETE'] as const) {
    const adding = method === 'PUT';
    app.route({
      method,
      url: `${ALLOCATION_PATH}/groups/:groupId/groups/:childGroupId`,
      schema: {
        summary: adding ? 'Nest a group inside an allocation group' : 'Take a nested group out of a group',
        tags: ['allocation'],
        params: NestedGroupParams,
        response: { 200: Answer, ...(adding ? { 409: Problem } : {}), ...errorResponses },
      },
      handler: async (request) => {
        const { accountId, organizationId, groupId, childGroupId } = request.params;
        const scope = { accountId, organizationId };
        await orgAccess(request, ctx, scope, ALLOCATION_WRITE, `No allocation group ${groupId}`);
        return allocationMutation(ctx, request, scope, async (trx, audit) => {
          for (const id of [groupId, childGroupId]) {
            if (!(await allocationRepository.getGroup(trx, scope, id)))
              throw notFound('allocation group', id);
          }
          if (adding) {
            const { nesting } = await allocationGraphRepository.groups(trx, scope);
            const cycle = nestingCycle(nesting, groupId, childGroupId);
            if (cycle) {
              throw new AppError(
                'GROUP_CYCLE',
                `Group membership would form a cycle: ${cycle.join(' contains ')}`,
                {
                  extensions: { cycle },
                },
              );
            }
          }
          const changed = adding
            ? await allocationMembershipRepository.nest(trx, scope, groupId, childGroupId)
            : await allocationMembershipRepository.unnest(trx, scope, groupId, childGroupId);
          if (!changed) return { groupId, childGroupId, recompute: null };
          const recompute = await recomputeAllocation(
            trx,
            ctx,
            scope,
            { groupIds: [childGroupId] },
            'GROUP_NESTING',
          );
          await audit({
            chainId: accountId,
            action: adding ? 'allocation.group_nested' : 'allocation.group_unnested',
            targetType: 'allocation_group',
            targetId: groupId,
            changes: { childGroupId },
          });
          return { groupId, childGroupId, recompute: toRecompute(recompute) };
        });
      },
    });
  }
}
