// DELETE …/permission-groups/{groupId}/members/{personId} — take a person out of a group; they keep
// their account in the environment.
import { notFound } from '@licentia/core';
import { permissionGroupRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { MemberParams } from './group-schema.ts';

export function removeMember(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/permission-groups/:groupId/members/:personId`,
    {
      schema: {
        summary: 'Remove a person from a permission group',
        tags: ['permission-groups'],
        params: MemberParams,
        response: { 204: { type: 'null', description: 'Removed' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, groupId, personId } = request.params;
      await orgAccess(
        request,
        ctx,
        { accountId, organizationId },
        ADMIN_WRITE,
        `No permission group ${groupId}`,
      );
      await mutate(ctx, request, async (trx, audit) => {
        if (!(await permissionGroupRepository.get(trx, accountId, organizationId, groupId))) {
          throw notFound('permission group', groupId);
        }
        if (!(await permissionGroupRepository.removeMember(trx, accountId, groupId, personId))) {
          throw notFound('member', personId);
        }
        await audit({
          chainId: accountId,
          action: 'permission_group.member_removed',
          targetType: 'permission_group',
          targetId: groupId,
          changes: { personId },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
