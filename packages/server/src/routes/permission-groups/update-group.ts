// PATCH …/permission-groups/{groupId} — rename a group or change the user-license type it maps to
// (which changes what its members consume at once).
import { AppError, notFound } from '@licentia/core';
import { permissionGroupRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate, invalidField } from '../catalog/input-errors.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { GroupParams, PermissionGroup, toGroup, UpdateGroupBody } from './group-schema.ts';

export function updateGroup(app: App, ctx: AppContext): void {
  app.patch(
    `${ORG_PATH}/permission-groups/:groupId`,
    {
      schema: {
        summary: 'Update a permission group',
        tags: ['permission-groups'],
        params: GroupParams,
        body: UpdateGroupBody,
        response: { 200: PermissionGroup, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, organizationId, groupId } = request.params;
      const name = request.body.name?.trim();
      const { userLicenseType } = request.body;
      await orgAccess(
        request,
        ctx,
        { accountId, organizationId },
        ADMIN_WRITE,
        `No permission group ${groupId}`,
      );
      if (name === '') throw invalidField('body.name', 'REQUIRED', 'name must not be blank');
      const duplicate = `A permission group named ${name} already exists in that environment`;
      const row = await mutate(ctx, request, async (trx, audit) => {
        const before = await permissionGroupRepository.get(trx, accountId, organizationId, groupId);
        if (!before) throw notFound('permission group', groupId);
        if (name && name.toLowerCase() !== before.name.toLowerCase()) {
          const siblings = await permissionGroupRepository.list(
            trx,
            accountId,
            organizationId,
            { environmentId: before.environmentId },
            { limit: 200 },
          );
          if (siblings.data.some((g) => g.name.toLowerCase() === name.toLowerCase())) {
            throw new AppError('CONFLICT', duplicate);
          }
        }
        const after = await conflictOnDuplicate(
          permissionGroupRepository.update(trx, accountId, organizationId, groupId, {
            ...(name ? { name } : {}),
            ...(userLicenseType ? { userLicenseType } : {}),
          }),
          duplicate,
        );
        await audit({
          chainId: accountId,
          action: 'permission_group.updated',
          targetType: 'permission_group',
          targetId: groupId,
          changes: {
            name: { from: before.name, to: after!.name },
            userLicenseType: { from: before.userLicenseType, to: after!.userLicenseType },
          },
        });
        return after!;
      });
      return toGroup(row);
    },
  );
}
