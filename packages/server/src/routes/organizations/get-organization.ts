// GET /v1/accounts/{accountId}/organizations/{organizationId}
import { notFound } from '@licentia/core';
import { organizationRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Organization, OrganizationParams, toOrganization } from './organization-schema.ts';

export function getOrganization(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations/:organizationId',
    {
      schema: {
        summary: 'Get a customer organization',
        tags: ['organizations'],
        params: OrganizationParams,
        response: { 200: Organization, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      guard(request, 'organization:read', { accountId, organizationId }, `No organization ${organizationId}`);
      const row = await organizationRepository.get(ctx.db, accountId, organizationId);
      if (!row) throw notFound('organization', organizationId);
      return toOrganization(row);
    },
  );
}
