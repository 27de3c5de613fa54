// DELETE …/permission-groups/{groupId} — remove a group and its memberships; members keep their
// environment accounts (and may stop consuming a user license).
import { notFound } from '@licentia/core';
import { permissionGroupRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { GroupParams } from './group-schema.ts';

export function deleteGroup(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/permission-groups/:groupId`,
    {
      schema: {
        summary: 'Delete a permission group',
        tags: ['permission-groups'],
        params: GroupParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, groupId } = request.params;
      await orgAccess(
        request,
        ctx,
        { accountId, organizationId },
        ADMIN_WRITE,
        `No permission group ${groupId}`,
      );
      await mutate(ctx, request, async (trx, audit) => {
        const group = await permissionGroupRepository.get(trx, accountId, organizationId, groupId);
        if (!group) throw notFound('permission group', groupId);
        await permissionGroupRepository.delete(trx, accountId, organizationId, groupId);
        await audit({
          chainId: accountId,
          action: 'permission_group.deleted',
          targetType: 'permission_group',
          targetId: groupId,
          changes: { name: group.name, environmentId: group.environmentId, memberCount: group.memberCount },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
