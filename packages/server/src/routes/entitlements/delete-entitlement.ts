// DELETE …/entitlements/{entitlementId} — the vendor removes an entitlement (vendor only). Ending a
// term is usually better (PATCH endsAt): it keeps the history on the Integrations tab.
import { notFound } from '@licentia/core';
import { entitlementRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, vendorAccess } from '../customer-orgs/org-access.ts';
import { EntitlementParams } from './entitlement-schema.ts';

export function deleteEntitlement(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/entitlements/:entitlementId`,
    {
      schema: {
        summary: 'Delete an entitlement (vendor only)',
        tags: ['entitlements'],
        params: EntitlementParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, entitlementId } = request.params;
      await vendorAccess(request, ctx, { accountId, organizationId });
      await mutate(ctx, request, async (trx, audit) => {
        const row = await entitlementRepository.get(trx, accountId, organizationId, entitlementId);
        if (!row) throw notFound('entitlement', entitlementId);
        await entitlementRepository.delete(trx, accountId, organizationId, entitlementId);
        await audit({
          chainId: accountId,
          action: 'entitlement.deleted',
          targetType: 'entitlement',
          targetId: entitlementId,
          changes: { kind: row.kind, code: row.code, quantity: row.quantity },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
