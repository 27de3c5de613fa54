// PUT …/organizations/{organizationId}/plan — the vendor changes the organization's plan (vendor
// only). Downgrading keeps what exists; plan-gated features refuse new use from then on.
import { organizationPlanRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, vendorAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { PlanSchema } from './overview-schema.ts';

const Body = Type.Object({ plan: PlanSchema }, { additionalProperties: false });
const Answer = Type.Object({ organizationId: Type.String(), plan: PlanSchema });

export function setPlan(app: App, ctx: AppContext): void {
  app.put(
    `${ORG_PATH}/plan`,
    {
      schema: {
        summary: "Change an organization's plan (vendor only)",
        tags: ['license-overview'],
        params: OrganizationParams,
        body: Body,
        response: { 200: Answer, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      const { plan } = request.body;
      const before = await vendorAccess(request, ctx, { accountId, organizationId });
      await mutate(ctx, request, async (trx, audit) => {
        await organizationPlanRepository.set(trx, accountId, organizationId, plan);
        await audit({
          chainId: accountId,
          action: 'organization.plan_changed',
          targetType: 'organization',
          targetId: organizationId,
          changes: { plan: { from: before.plan, to: plan } },
        });
      });
      return { organizationId, plan };
    },
  );
}
