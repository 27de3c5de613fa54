// DELETE /v1/accounts/{accountId}/organizations/{organizationId} — soft delete; its tokens stop working.
import { notFound } from '@licentia/core';
import { organizationRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { OrganizationParams } from './organization-schema.ts';

export function deleteOrganization(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/accounts/:accountId/organizations/:organizationId',
    {
      schema: {
        summary: 'Delete a customer organization',
        tags: ['organizations'],
        params: OrganizationParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId } = request.params;
      // Only vendor-side tokens delete organizations: the organization scope is left out on purpose.
      guard(request, 'organization:write', { accountId }, `No organization ${organizationId}`);
      await mutate(ctx, request, async (trx, audit) => {
        if (!(await organizationRepository.softDelete(trx, accountId, organizationId, ctx.clock()))) {
          throw notFound('organization', organizationId);
        }
        await audit({
          chainId: accountId,
          action: 'organization.deleted',
          targetType: 'organization',
          targetId: organizationId,
        });
      });
      // This process forgets the token at once; others are told by the database's NOTIFY.
      ctx.principals.clear();
      return reply.code(204).send(null);
    },
  );
}
