// GET /v1/accounts/{accountId}/organizations — an organization token sees only its own.
import { organizationRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { Organization, toOrganization } from './organization-schema.ts';

export function listOrganizations(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations',
    {
      schema: {
        summary: 'List customer organizations of an account',
        tags: ['organizations'],
        params: AccountParams,
        querystring: PageQuery,
        response: { 200: pageOf(Organization), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      const own = principalOf(request).organizationId ?? undefined;
      guard(request, 'organization:read', { accountId, organizationId: own }, `No account ${accountId}`);
      const page = await organizationRepository.list(
        ctx.db,
        accountId,
        { limit: request.query.limit, after: request.query.cursor },
        own,
      );
      return { data: page.data.map(toOrganization), nextCursor: page.nextCursor };
    },
  );
}
