// GET …/organizations/{organizationId}/compliance — the mode of each active license of the
// organization with its reason, remedy and restricted capabilities, and the organization's most
// severe mode. Never restricted itself: the way out must stay visible.
import { complianceRepository, type Schema } from '@licentia/db';
import type { Kysely } from 'kysely';
import type { App } from '../../app.ts';
import { licenseComplianceView, organizationSummary } from '../../compliance/compliance-view.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { OrganizationCompliance } from './compliance-schema.ts';

/** The organization's compliance as answered by GET and by the evaluation route. */
export async function organizationCompliance(
  db: Kysely<Schema>,
  scope: { accountId: string; organizationId: string },
) {
  const [licenses, rows] = await Promise.all([
    complianceRepository.organizationLicenses(db, scope.accountId, scope.organizationId),
    complianceRepository.listByOrganization(db, scope.accountId, scope.organizationId),
  ]);
  const byLicense = new Map(rows.map((r) => [r.licenseId, r]));
  const views = licenses.map((l) => licenseComplianceView(l, byLicense.get(l.id)));
  return { organizationId: scope.organizationId, ...organizationSummary(views), licenses: views };
}

export function getCompliance(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/compliance`,
    {
      schema: {
        summary: "Get the organization's compliance modes",
        description:
          'NORMAL, GRACE, LIGHT_RESTRICTED or RESTRICTED per license, with the reason, the remedy and the ' +
          'capabilities refused; the organization shows its most severe license.',
        tags: ['compliance'],
        params: OrganizationParams,
        response: { 200: OrganizationCompliance, ...errorResponses },
      },
    },
    async (request) => {
      await orgAccess(request, ctx, request.params, ADMIN_READ);
      return organizationCompliance(ctx.db, request.params);
    },
  );
}
