// PATCH …/entitlements/{entitlementId} — the vendor changes a quantity, name or term (vendor only).
import { notFound } from '@licentia/core';
import { entitlementRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, vendorAccess } from '../customer-orgs/org-access.ts';
import { checkEntitlement } from './entitlement-input.ts';
import {
  Entitlement,
  EntitlementParams,
  toEntitlement,
  UpdateEntitlementBody,
} from './entitlement-schema.ts';

export function updateEntitlement(app: App, ctx: AppContext): void {
  app.patch(
    `${ORG_PATH}/entitlements/:entitlementId`,
    {
      schema: {
        summary: 'Change an entitlement (vendor only)',
        tags: ['entitlements'],
        params: EntitlementParams,
        body: UpdateEntitlementBody,
        response: { 200: Entitlement, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, entitlementId } = request.params;
      const body = request.body;
      await vendorAccess(request, ctx, { accountId, organizationId });
      const row = await mutate(ctx, request, async (trx, audit) => {
        const before = await entitlementRepository.get(trx, accountId, organizationId, entitlementId);
        if (!before) throw notFound('entitlement', entitlementId);
        const changes = {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.quantity !== undefined ? { quantity: body.quantity } : {}),
          ...(body.startsAt !== undefined ? { startsAt: new Date(body.startsAt) } : {}),
          ...(body.endsAt !== undefined ? { endsAt: body.endsAt ? new Date(body.endsAt) : null } : {}),
        };
        checkEntitlement({ ...before, ...changes });
        const after = (await entitlementRepository.update(
          trx,
          accountId,
          organizationId,
          entitlementId,
          changes,
        ))!;
        await audit({
          chainId: accountId,
          action: 'entitlement.updated',
          targetType: 'entitlement',
          targetId: entitlementId,
          changes: Object.fromEntries(
            Object.keys(changes).map((k) => [
              k,
              { from: before[k as keyof typeof changes], to: after[k as keyof typeof changes] },
            ]),
          ),
        });
        return after;
      });
      return toEntitlement(row, ctx.clock());
    },
  );
}
