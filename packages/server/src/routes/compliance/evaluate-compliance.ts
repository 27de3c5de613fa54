// POST …/organizations/{organizationId}/compliance/evaluate — recompute every active license of the
// organization now (the periodic evaluator does the same every minute), recording transitions as
// audit events with their remedy, and answer the organization's compliance.
import { complianceRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { evaluateLicenseCompliance } from '../../compliance/compliance-evaluator.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { OrganizationCompliance } from './compliance-schema.ts';
import { organizationCompliance } from './get-compliance.ts';

export function evaluateComplianceRoute(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/compliance/evaluate`,
    {
      schema: {
        summary: "Re-evaluate the organization's compliance now",
        tags: ['compliance'],
        params: OrganizationParams,
        response: { 200: OrganizationCompliance, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE);
      const licenses = await complianceRepository.organizationLicenses(
        ctx.db,
        scope.accountId,
        scope.organizationId,
      );
      const now = ctx.clock();
      const changed = await mutate(ctx, request, async (trx, audit) => {
        const moved: string[] = [];
        for (const license of licenses) {
          const result = await evaluateLicenseCompliance(trx, scope.accountId, license.id, now, audit);
          if (result?.transition) moved.push(license.id);
        }
        return moved;
      });
      // Validation answers carry the mode: this process forgets at once, others on the notification.
      for (const licenseId of changed) ctx.licensing?.cache.invalidate(licenseId);
      return organizationCompliance(ctx.db, scope);
    },
  );
}
