// GET …/organizations/{organizationId}/license-servers — the organization's monitored servers.
import { licenseServerRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { LicenseServer, toLicenseServer } from './license-server-schema.ts';

export function listLicenseServers(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/license-servers`,
    {
      schema: {
        summary: 'List monitored license servers',
        tags: ['license-servers'],
        params: OrganizationParams,
        querystring: PageQuery,
        response: { 200: pageOf(LicenseServer), ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, REPORTS);
      const page = await licenseServerRepository.list(ctx.db, scope, {
        limit: request.query.limit,
        after: request.query.cursor,
      });
      return { data: page.data.map(toLicenseServer), nextCursor: page.nextCursor };
    },
  );
}
