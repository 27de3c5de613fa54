// GET …/organizations/{organizationId}/people — people of the organization, filtered by status,
// environment or a search text, in creation order.
import { personRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Person, PersonQuery, toPerson } from './person-schema.ts';

export function listPeople(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/people`,
    {
      schema: {
        summary: 'List the people of an organization',
        tags: ['people'],
        params: OrganizationParams,
        querystring: PersonQuery,
        response: { 200: pageOf(Person), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_READ);
      const { limit, cursor, q, status, environmentId } = request.query;
      const page = await personRepository.list(
        ctx.db,
        accountId,
        organizationId,
        { q, status, environmentId },
        { limit, after: cursor },
      );
      return { data: page.data.map(toPerson), nextCursor: page.nextCursor };
    },
  );
}
