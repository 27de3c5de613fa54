// GET …/organizations/{organizationId}/permission-groups — groups of every environment, or of one.
import { permissionGroupRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { GroupQuery, PermissionGroup, toGroup } from './group-schema.ts';

export function listGroups(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/permission-groups`,
    {
      schema: {
        summary: 'List permission groups',
        tags: ['permission-groups'],
        params: OrganizationParams,
        querystring: GroupQuery,
        response: { 200: pageOf(PermissionGroup), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_READ);
      const { limit, cursor, environmentId } = request.query;
      const page = await permissionGroupRepository.list(
        ctx.db,
        accountId,
        organizationId,
        { environmentId },
        { limit, after: cursor },
      );
      return { data: page.data.map(toGroup), nextCursor: page.nextCursor };
    },
  );
}
