// GET …/permission-groups/{groupId} — one permission group with its member count.
import { notFound } from '@licentia/core';
import { permissionGroupRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { GroupParams, PermissionGroup, toGroup } from './group-schema.ts';

export function getGroup(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/permission-groups/:groupId`,
    {
      schema: {
        summary: 'Get a permission group',
        tags: ['permission-groups'],
        params: GroupParams,
        response: { 200: PermissionGroup, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, groupId } = request.params;
      await orgAccess(
        request,
        ctx,
        { accountId, organizationId },
        ADMIN_READ,
        `No permission group ${groupId}`,
      );
      const row = await permissionGroupRepository.get(ctx.db, accountId, organizationId, groupId);
      if (!row) throw notFound('permission group', groupId);
      return toGroup(row);
    },
  );
}
