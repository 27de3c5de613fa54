// POST …/licenses/{licenseId}/seats/transfer — move a seat from one person to another in one step,
// so the seat is never free in between (another assignment cannot take it).
import { checkSeatTransfer, notFound } from '@licentia/core';
import { personRepository, seatRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { Seat, SeatLicenseParams, TransferBody } from './seat-schema.ts';

export function transferSeat(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/licenses/:licenseId/seats/transfer`,
    {
      schema: {
        summary: 'Transfer a seat from one person to another',
        tags: ['seats'],
        params: SeatLicenseParams,
        body: TransferBody,
        response: { 200: Seat, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, organizationId, licenseId } = request.params;
      const { fromPersonId, toPersonId } = request.body;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_WRITE, `No license ${licenseId}`);
      const at = ctx.clock();
      const to = await mutate(ctx, request, async (trx, audit) => {
        const license = await seatRepository.license(trx, accountId, organizationId, licenseId, true);
        if (!license) throw notFound('license', licenseId);
        const receiver = await personRepository.get(trx, accountId, organizationId, toPersonId);
        if (!receiver) throw notFound('person', toPersonId);
        checkSeatTransfer(
          { ...license, assigned: license.seatsAssigned },
          { id: fromPersonId, holds: await seatRepository.holds(trx, accountId, licenseId, fromPersonId) },
          { ...receiver, holds: await seatRepository.holds(trx, accountId, licenseId, toPersonId) },
        );
        await seatRepository.transfer(trx, accountId, licenseId, fromPersonId, toPersonId, at);
        await audit({
          chainId: accountId,
          action: 'seat.transferred',
          targetType: 'license',
          targetId: licenseId,
          changes: { fromPersonId, toPersonId },
        });
        return receiver;
      });
      return {
        licenseId,
        personId: to.id,
        username: to.username,
        name: to.name,
        email: to.email,
        assignedAt: at.toISOString(),
      };
    },
  );
}
