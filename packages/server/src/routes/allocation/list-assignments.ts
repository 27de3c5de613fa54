// GET …/allocation/assignments — assignments of products to people and groups, optionally of one
// person or one group, a page at a time.
import { allocationMembershipRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_READ } from './allocation-access.ts';
import { Assignment, AssignmentQuery, toAssignment } from './allocation-schema.ts';

export function listAssignments(app: App, ctx: AppContext): void {
  app.get(
    `${ALLOCATION_PATH}/assignments`,
    {
      schema: {
        summary: 'List license assignments',
        tags: ['allocation'],
        params: OrganizationParams,
        querystring: AssignmentQuery,
        response: { 200: pageOf(Assignment), ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ALLOCATION_READ);
      const { limit, cursor, personId, groupId } = request.query;
      const page = await allocationMembershipRepository.listAssignments(
        ctx.db,
        scope,
        { personId, groupId },
        { limit, after: cursor },
      );
      return { data: page.data.map(toAssignment), nextCursor: page.nextCursor };
    },
  );
}
