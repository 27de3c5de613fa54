// GET …/organizations/{organizationId}/licenses/{licenseId}/seats — who holds a seat of a named-user
// license, with its capacity and utilization.
import { notFound } from '@licentia/core';
import { seatRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { PageQuery, SeatLicenseParams, SeatList, toSeatLicense } from './seat-schema.ts';

export function listSeats(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/licenses/:licenseId/seats`,
    {
      schema: {
        summary: 'List the seat holders of a named-user license',
        tags: ['seats'],
        params: SeatLicenseParams,
        querystring: PageQuery,
        response: { 200: SeatList, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, licenseId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_READ, `No license ${licenseId}`);
      const license = await seatRepository.license(ctx.db, accountId, organizationId, licenseId);
      if (!license) throw notFound('license', licenseId);
      const page = await seatRepository.holders(ctx.db, accountId, licenseId, {
        limit: request.query.limit,
        after: request.query.cursor,
      });
      return {
        license: toSeatLicense(license),
        data: page.data.map(({ id: _id, ...s }) => ({ ...s, assignedAt: s.assignedAt.toISOString() })),
        nextCursor: page.nextCursor,
      };
    },
  );
}
