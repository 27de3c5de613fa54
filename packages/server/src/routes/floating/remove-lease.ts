// DELETE /v1/accounts/{accountId}/licenses/{licenseId}/floating/leases/{leaseId} — an administrator
// forces a lease off its pool (reason ADMIN_REMOVED): the seat is free at once and goes to the queue;
// the client's next heartbeat answers LEASE_REVOKED. Audited.
import { notFound } from '@licentia/core';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { removeLease as remove } from '../../floating/admin-operations.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, IdParam } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { Lease, LeaseId, toLease } from './floating-schema.ts';
import { guardFloatingLicense } from './license-pools.ts';

const LeaseParams = Type.Object(
  { accountId: AccountId, licenseId: IdParam('License', 'lic'), leaseId: LeaseId },
  { additionalProperties: false },
);

export function removeLease(app: App, ctx: AppContext, services: FloatingServices): void {
  app.delete(
    '/v1/accounts/:accountId/licenses/:licenseId/floating/leases/:leaseId',
    {
      schema: {
        summary: 'Force-remove a floating lease (ADMIN_REMOVED)',
        tags: ['floating'],
        params: LeaseParams,
        response: { 200: Lease, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, licenseId, leaseId } = request.params;
      const { terms } = await guardFloatingLicense(request, ctx, services, request.params, 'floating:write');
      const removed = await mutate(ctx, request, async (trx, audit) => {
        const result = await remove(trx, ctx, { accountId, licenseId, leaseId }, terms);
        if (!result) throw notFound('lease', leaseId);
        const { lease, feature } = result;
        await audit({
          chainId: accountId,
          action: 'floating.lease.removed',
          targetType: 'floating-lease',
          targetId: leaseId,
          changes: {
            licenseId,
            feature,
            user: lease.user,
            host: lease.host,
            count: lease.count,
            reason: 'ADMIN_REMOVED',
          },
        });
        return result;
      });
      const { lease, feature, heartbeatIntervalSeconds } = removed;
      return toLease(lease, { licenseId, feature, heartbeatIntervalSeconds });
    },
  );
}
