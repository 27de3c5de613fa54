// GET …/organizations/{organizationId}/entitlements — what the organization bought, with terms.
import { entitlementRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Entitlement, EntitlementQuery, toEntitlement } from './entitlement-schema.ts';

export function listEntitlements(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/entitlements`,
    {
      schema: {
        summary: 'List the entitlements of an organization',
        tags: ['entitlements'],
        params: OrganizationParams,
        querystring: EntitlementQuery,
        response: { 200: pageOf(Entitlement), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_READ);
      const { limit, cursor, kind } = request.query;
      const page = await entitlementRepository.list(
        ctx.db,
        accountId,
        organizationId,
        { kind },
        { limit, after: cursor },
      );
      const now = ctx.clock();
      return { data: page.data.map((row) => toEntitlement(row, now)), nextCursor: page.nextCursor };
    },
  );
}
