// POST …/organizations/{organizationId}/entitlements — the vendor sells an integration, an add-on,
// extra database instances or user licenses. Kinds outside the organization's plan are refused.
import { requirePlanFeature } from '@licentia/core';
import { entitlementRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, vendorAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { checkEntitlement } from './entitlement-input.ts';
import {
  CreateEntitlementBody,
  Entitlement,
  planFeatureOfEntitlement,
  toEntitlement,
} from './entitlement-schema.ts';

export function createEntitlement(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/entitlements`,
    {
      schema: {
        summary: 'Add an entitlement to an organization (vendor only)',
        tags: ['entitlements'],
        params: OrganizationParams,
        body: CreateEntitlementBody,
        response: { 201: Entitlement, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId } = request.params;
      const body = request.body;
      const { plan } = await vendorAccess(request, ctx, { accountId, organizationId });
      const feature = planFeatureOfEntitlement(body.kind);
      if (feature) requirePlanFeature(plan, feature);
      const fields = {
        organizationId,
        kind: body.kind,
        code: body.code,
        name: body.name,
        quantity: body.quantity,
        startsAt: body.startsAt ? new Date(body.startsAt) : ctx.clock(),
        endsAt: body.endsAt ? new Date(body.endsAt) : null,
      };
      checkEntitlement(fields);
      const row = await mutate(ctx, request, async (trx, audit) => {
        const created = await entitlementRepository.insert(trx, accountId, {
          id: ctx.newId('entitlement'),
          ...fields,
        });
        await audit({
          chainId: accountId,
          action: 'entitlement.created',
          targetType: 'entitlement',
          targetId: created.id,
          changes: body,
        });
        return created;
      });
      return reply.code(201).send(toEntitlement(row, ctx.clock()));
    },
  );
}
