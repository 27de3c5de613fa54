// GET …/organizations/{organizationId}/environments — every environment, each with the products it
// is licensed for (the "house icon" view of seed 000). Organizations have few environments: one page.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Environment } from './environment-schema.ts';
import { environmentViews } from './environment-view.ts';

export function listEnvironments(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/environments`,
    {
      schema: {
        summary: 'List the environments of an organization',
        tags: ['environments'],
        params: OrganizationParams,
        response: { 200: pageOf(Environment), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_READ);
      return { data: await environmentViews(ctx.db, { accountId, organizationId }), nextCursor: null };
    },
  );
}
