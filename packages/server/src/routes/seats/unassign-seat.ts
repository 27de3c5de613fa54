// DELETE …/licenses/{licenseId}/seats/{personId} — free a person's seat of a named-user license.
import { notFound } from '@licentia/core';
import { seatRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { SeatParams } from './seat-schema.ts';

export function unassignSeat(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/licenses/:licenseId/seats/:personId`,
    {
      schema: {
        summary: "Unassign a person's seat",
        tags: ['seats'],
        params: SeatParams,
        response: { 204: { type: 'null', description: 'Unassigned' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, licenseId, personId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_WRITE, `No license ${licenseId}`);
      await mutate(ctx, request, async (trx, audit) => {
        if (!(await seatRepository.license(trx, accountId, organizationId, licenseId))) {
          throw notFound('license', licenseId);
        }
        if (!(await seatRepository.unassign(trx, accountId, licenseId, personId))) {
          throw notFound('seat', `${licenseId}/${personId}`);
        }
        await audit({
          chainId: accountId,
          action: 'seat.unassigned',
          targetType: 'license',
          targetId: licenseId,
          changes: { personId },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
