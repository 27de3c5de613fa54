// GET …/organizations/{organizationId}/license-overview — one answer for the four tabs of the
// license overview (seed 000): Products, Integrations, Users and License level. A report: REPORTING.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { loadLicenseOverview } from './overview-data.ts';
import { LicenseOverviewSchema, toOverview } from './overview-schema.ts';

export function getLicenseOverview(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/license-overview`,
    {
      schema: {
        summary: 'License overview: products, integrations, users and license level',
        description:
          'Products per production environment (test and training copies borrow them), integrations and ' +
          'add-ons with quantity and term, user licenses purchased vs used across all environments with ' +
          'the overage flag, and the plan with every plan side by side.',
        tags: ['license-overview'],
        params: OrganizationParams,
        response: { 200: LicenseOverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      const scope = { accountId, organizationId };
      const { plan } = await orgAccess(request, ctx, scope, REPORTS);
      const now = ctx.clock();
      return toOverview(organizationId, now, await loadLicenseOverview(ctx.db, scope, plan, now));
    },
  );
}
