// POST …/licenses/{licenseId}/seats — give a person a seat of a named-user license. The license row
// is locked while seats are counted, so two administrators can never hand out the last seat twice.
import { checkSeatAssignment, notFound, requirePlanFeature } from '@licentia/core';
import { personRepository, seatRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { Seat, SeatBody, SeatLicenseParams } from './seat-schema.ts';

export function assignSeat(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/licenses/:licenseId/seats`,
    {
      schema: {
        summary: 'Assign a seat of a named-user license to a person',
        tags: ['seats'],
        params: SeatLicenseParams,
        body: SeatBody,
        response: { 201: Seat, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, licenseId } = request.params;
      const { personId } = request.body;
      const { plan } = await orgAccess(
        request,
        ctx,
        { accountId, organizationId },
        ADMIN_WRITE,
        `No license ${licenseId}`,
      );
      requirePlanFeature(plan, 'NAMED_USER_SEATS');
      const at = ctx.clock();
      const person = await mutate(ctx, request, async (trx, audit) => {
        const license = await seatRepository.license(trx, accountId, organizationId, licenseId, true);
        if (!license) throw notFound('license', licenseId);
        const holder = await personRepository.get(trx, accountId, organizationId, personId);
        if (!holder) throw notFound('person', personId);
        const holds = await seatRepository.holds(trx, accountId, licenseId, personId);
        checkSeatAssignment({ ...license, assigned: license.seatsAssigned }, holder, holds);
        await seatRepository.assign(trx, accountId, { organizationId, licenseId, personId }, at);
        await audit({
          chainId: accountId,
          action: 'seat.assigned',
          targetType: 'license',
          targetId: licenseId,
          changes: { personId },
        });
        return holder;
      });
      return reply.code(201).send({
        licenseId,
        personId,
        username: person.username,
        name: person.name,
        email: person.email,
        assignedAt: at.toISOString(),
      });
    },
  );
}
