// GET …/allocation/groups/{groupId} — one group with its direct members (people and nested groups).
import { notFound } from '@licentia/core';
import { allocationMembershipRepository, allocationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { ALLOCATION_PATH, ALLOCATION_READ } from './allocation-access.ts';
import { AllocationGroup, GroupParams, toGroup } from './allocation-schema.ts';

export function getGroup(app: App, ctx: AppContext): void {
  app.get(
    `${ALLOCATION_PATH}/groups/:groupId`,
    {
      schema: {
        summary: 'Get an allocation group with its members',
        tags: ['allocation'],
        params: GroupParams,
        response: {
          200: Type.Object({
            ...AllocationGroup.properties,
            personIds: Type.Array(Type.String()),
            groupIds: Type.Array(Type.String(), { description: 'Nested groups' }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { accountId, organizationId, groupId } = request.params;
      const scope = { accountId, organizationId };
      await orgAccess(request, ctx, scope, ALLOCATION_READ, `No allocation group ${groupId}`);
      const group = await allocationRepository.getGroup(ctx.db, scope, groupId);
      if (!group) throw notFound('allocation group', groupId);
      return { ...toGroup(group), ...(await allocationMembershipRepository.members(ctx.db, scope, groupId)) };
    },
  );
}
