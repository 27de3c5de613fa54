// GET …/organizations/{organizationId}/seat-utilization — named-user seats used per license, per
// environment and in total.
import { seatUtilization } from '@licentia/core';
import { environmentRepository, seatRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { SeatUtilizationSchema } from './seat-schema.ts';

export function getSeatUtilization(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/seat-utilization`,
    {
      schema: {
        summary: 'Seat utilization per license and per environment',
        tags: ['seats'],
        params: OrganizationParams,
        response: { 200: SeatUtilizationSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_READ);
      const [licenses, environments] = await Promise.all([
        seatRepository.licensesOf(ctx.db, accountId, organizationId),
        environmentRepository.listAll(ctx.db, accountId, organizationId),
      ]);
      const result = seatUtilization(
        licenses.map((l) => ({
          licenseId: l.id,
          environmentId: l.environmentId,
          capacity: l.maxUsers,
          assigned: l.seatsAssigned,
        })),
      );
      const productName = new Map(licenses.map((l) => [l.id, l.productName]));
      const envName = new Map(environments.map((e) => [e.id, e.name]));
      return {
        licenses: result.licenses.map((l) => ({ ...l, productName: productName.get(l.licenseId) ?? '' })),
        environments: result.environments.map((e) => ({
          ...e,
          name: e.environmentId ? (envName.get(e.environmentId) ?? null) : null,
        })),
        total: result.total,
      };
    },
  );
}
