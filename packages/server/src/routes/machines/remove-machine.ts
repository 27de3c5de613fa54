// DELETE /v1/accounts/{accountId}/licenses/{licenseId}/machines/{machineId} — the vendor (or the
// customer's org-admin) force-deactivates a machine, freeing its seat. Idempotent: an already
// deactivated machine is returned as it is.
import { notFound } from '@licentia/core';
import { machineRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, IdParam } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { guardLicense } from './license-scope.ts';
import { Machine, toMachine } from './machine-schema.ts';

const MachineParams = Type.Object(
  { accountId: AccountId, licenseId: IdParam('License', 'lic'), machineId: IdParam('Machine', 'mach') },
  { additionalProperties: false },
);

export function removeMachine(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/accounts/:accountId/licenses/:licenseId/machines/:machineId',
    {
      schema: {
        summary: 'Force-deactivate a machine of a license',
        tags: ['machines'],
        params: MachineParams,
        response: { 200: Machine, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, licenseId, machineId } = request.params;
      await guardLicense(request, ctx, request.params, 'machine:write');
      const row = await mutate(ctx, request, async (trx, audit) => {
        const removed = await machineRepository.deactivate(
          trx,
          accountId,
          licenseId,
          { machineId },
          ctx.clock(),
        );
        if (!removed) {
          const existing = await machineRepository.get(trx, accountId, licenseId, machineId);
          if (!existing) throw notFound('machine', machineId);
          return existing;
        }
        await audit({
          chainId: accountId,
          action: 'machine.deactivated',
          targetType: 'machine',
          targetId: machineId,
          changes: { licenseId, fingerprint: removed.fingerprint, reason: 'ADMIN_REMOVED' },
        });
        return removed;
      });
      ctx.licensing?.cache.invalidate(licenseId);
      return toMachine(row);
    },
  );
}
