// PUT …/permission-groups/{groupId}/members/{personId} — put a person in a group; they get an
// account in the group's environment if they had none. Idempotent.
import { notFound } from '@licentia/core';
import { permissionGroupRepository, personRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { MemberParams, PermissionGroup, toGroup } from './group-schema.ts';

export function addMember(app: App, ctx: AppContext): void {
  app.put(
    `${ORG_PATH}/permission-groups/:groupId/members/:personId`,
    {
      schema: {
        summary: 'Add a person to a permission group',
        tags: ['permission-groups'],
        params: MemberParams,
        response: { 200: PermissionGroup, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, groupId, personId } = request.params;
      await orgAccess(
        request,
        ctx,
        { accountId, organizationId },
        ADMIN_WRITE,
        `No permission group ${groupId}`,
      );
      const row = await mutate(ctx, request, async (trx, audit) => {
        const group = await permissionGroupRepository.get(trx, accountId, organizationId, groupId);
        if (!group) throw notFound('permission group', groupId);
        if (!(await personRepository.get(trx, accountId, organizationId, personId)))
          throw notFound('person', personId);
        if (await permissionGroupRepository.addMember(trx, accountId, group, personId)) {
          await audit({
            chainId: accountId,
            action: 'permission_group.member_added',
            targetType: 'permission_group',
            targetId: groupId,
            changes: { personId },
          });
        }
        return (await permissionGroupRepository.get(trx, accountId, organizationId, groupId))!;
      });
      return toGroup(row);
    },
  );
}
