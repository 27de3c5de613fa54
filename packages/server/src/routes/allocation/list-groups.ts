// GET …/allocation/groups — the organization's groups and license groups, a page at a time.
import { allocationRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_READ } from './allocation-access.ts';
import { AllocationGroup, toGroup } from './allocation-schema.ts';

export function listGroups(app: App, ctx: AppContext): void {
  app.get(
    `${ALLOCATION_PATH}/groups`,
    {
      schema: {
        summary: 'List allocation groups and license groups',
        tags: ['allocation'],
        params: OrganizationParams,
        querystring: PageQuery,
        response: { 200: pageOf(AllocationGroup), ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ALLOCATION_READ);
      const page = await allocationRepository.listGroups(ctx.db, scope, {
        limit: request.query.limit,
        after: request.query.cursor,
      });
      return { data: page.data.map(toGroup), nextCursor: page.nextCursor };
    },
  );
}
