// GET …/permission-groups/{groupId}/members — the people in a group.
import { notFound } from '@licentia/core';
import { permissionGroupRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { Person, toPerson } from '../people/person-schema.ts';
import { GroupParams } from './group-schema.ts';

export function listMembers(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/permission-groups/:groupId/members`,
    {
      schema: {
        summary: 'List the members of a permission group',
        tags: ['permission-groups'],
        params: GroupParams,
        querystring: PageQuery,
        response: { 200: pageOf(Person), ...errorResponses },
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
      if (!(await permissionGroupRepository.get(ctx.db, accountId, organizationId, groupId))) {
        throw notFound('permission group', groupId);
      }
      const page = await permissionGroupRepository.listMembers(ctx.db, accountId, groupId, {
        limit: request.query.limit,
        after: request.query.cursor,
      });
      return { data: page.data.map(toPerson), nextCursor: page.nextCursor };
    },
  );
}
