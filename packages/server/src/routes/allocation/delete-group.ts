// DELETE …/allocation/groups/{groupId} — delete a group: its people and the people of the groups
// nested in it lose what it passed on, and exactly those people are recomputed.
import { notFound } from '@licentia/core';
import { allocationMembershipRepository, allocationRepository } from '@licentia/db';
import { Type } from 'typebox';
import { recomputeAllocation } from '../../allocation/recompute-allocation.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { ALLOCATION_PATH, ALLOCATION_WRITE, allocationMutation } from './allocation-access.ts';
import { GroupParams, RecomputeSchema, toRecompute } from './allocation-schema.ts';

export function deleteGroup(app: App, ctx: AppContext): void {
  app.delete(
    `${ALLOCATION_PATH}/groups/:groupId`,
    {
      schema: {
        summary: 'Delete an allocation group',
        tags: ['allocation'],
        params: GroupParams,
        response: { 200: Type.Object({ recompute: RecomputeSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, groupId } = request.params;
      const scope = { accountId, organizationId };
      await orgAccess(request, ctx, scope, ALLOCATION_WRITE, `No allocation group ${groupId}`);
      return allocationMutation(ctx, request, scope, async (trx, audit) => {
        if (!(await allocationRepository.getGroup(trx, scope, groupId)))
          throw notFound('allocation group', groupId);
        // Who it reaches must be read before the delete cascades the memberships away.
        const members = await allocationMembershipRepository.members(trx, scope, groupId);
        await allocationRepository.deleteGroup(trx, scope, groupId);
        const recompute = await recomputeAllocation(
          trx,
          ctx,
          scope,
          { groupIds: members.groupIds, personIds: members.personIds },
          'GROUP_DELETED',
        );
        await audit({
          chainId: accountId,
          action: 'allocation.group_deleted',
          targetType: 'allocation_group',
          targetId: groupId,
          changes: { peopleChanged: recompute.peopleChanged },
        });
        return { recompute: toRecompute(recompute)! };
      });
    },
  );
}
