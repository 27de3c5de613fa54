// GET /v1/accounts/{accountId}/licenses — filtered and searched; an organization token sees only its own.
import { licenseRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { toLicenseView } from '../../licensing/license-view.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { License, LicenseQuery } from './license-schema.ts';

export function listLicenses(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/licenses',
    {
      schema: {
        summary:
          'List licenses (filters: organization, product, policy, status, model; q searches name, id, key hint)',
        tags: ['licenses'],
        params: AccountParams,
        querystring: LicenseQuery,
        response: { 200: pageOf(License), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      const { limit, cursor, ...filters } = request.query;
      // An organization token lists its own organization's licenses whatever filter it sends.
      const own = principalOf(request).organizationId ?? undefined;
      guard(request, 'license:read', { accountId, organizationId: own }, `No account ${accountId}`);
      if (own && filters.organizationId && filters.organizationId !== own)
        return { data: [], nextCursor: null };
      const page = await licenseRepository.list(
        ctx.db,
        accountId,
        { ...filters, organizationId: own ?? filters.organizationId },
        { limit, after: cursor },
      );
      const now = ctx.clock();
      return { data: page.data.map((row) => toLicenseView(row, now)), nextCursor: page.nextCursor };
    },
  );
}
