// PATCH /v1/accounts/{accountId}/organizations/{organizationId} — rename.
import { notFound } from '@licentia/core';
import { organizationRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Organization, OrganizationBody, OrganizationParams, toOrganization } from './organization-schema.ts';

export function updateOrganization(app: App, ctx: AppContext): void {
  app.patch(
    '/v1/accounts/:accountId/organizations/:organizationId',
    {
      schema: {
        summary: 'Rename a customer organization',
        tags: ['organizations'],
        params: OrganizationParams,
        body: OrganizationBody,
        response: { 200: Organization, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      guard(
        request,
        'organization:write',
        { accountId, organizationId },
        `No organization ${organizationId}`,
      );
      const row = await mutate(ctx, request, async (trx, audit) => {
        const before = await organizationRepository.get(trx, accountId, organizationId);
        const after =
          before && (await organizationRepository.rename(trx, accountId, organizationId, request.body.name));
        if (!before || !after) throw notFound('organization', organizationId);
        await audit({
          chainId: accountId,
          action: 'organization.updated',
          targetType: 'organization',
          targetId: organizationId,
          changes: { name: { from: before.name, to: after.name } },
        });
        return after;
      });
      return toOrganization(row);
    },
  );
}
