// GET …/organizations/{organizationId}/compliance/license-servers — every monitored license server
// with its status (ONLINE / OFFLINE / ERROR), why, and whether its new data is taken: a server updated
// to a version released after the maintenance end shows OFFLINE and its data is skipped.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { licenseServerViews } from '../../compliance/license-server-status.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Nullable, Timestamp } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { LicenseServerStatus } from './compliance-schema.ts';

const Answer = Type.Object({
  maintenanceEndsAt: Nullable(Timestamp),
  data: Type.Array(LicenseServerStatus),
});

export function listLicenseServerStatus(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/compliance/license-servers`,
    {
      schema: {
        summary: 'License servers with their status',
        tags: ['compliance'],
        params: OrganizationParams,
        response: { 200: Answer, ...errorResponses },
      },
    },
    async (request) => {
      await orgAccess(request, ctx, request.params, ADMIN_READ);
      const { maintenanceEndsAt, servers } = await licenseServerViews(ctx.db, request.params, ctx.clock());
      return { maintenanceEndsAt: maintenanceEndsAt?.toISOString() ?? null, data: servers };
    },
  );
}
