// POST /v1/accounts/{accountId}/licenses/{licenseId}/machine-transfer-requests — a hardware change:
// ask to move a live machine's activation to a new fingerprint. A second person decides it through
// the approval routes, which apply it (deactivate `fromFingerprint`, activate `toFingerprint`).
import { AppError } from '@licentia/core';
import { machineRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate, principalOf } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { guardLicense, LicenseParams } from './license-scope.ts';
import { Fingerprint, MachineTransferRequest, toTransferRequest } from './machine-schema.ts';

const TransferBody = Type.Object(
  {
    fromFingerprint: Fingerprint,
    toFingerprint: Fingerprint,
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export function requestMachineTransfer(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/licenses/:licenseId/machine-transfer-requests',
    {
      schema: {
        summary: 'Request a machine transfer (hardware change), decided by a second person',
        tags: ['machines'],
        params: LicenseParams,
        body: TransferBody,
        response: { 201: MachineTransferRequest, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, licenseId } = request.params;
      const { fromFingerprint, toFingerprint, reason } = request.body;
      await guardLicense(request, ctx, request.params, 'machine:write');
      if (fromFingerprint === toFingerprint)
        throw new AppError('INVALID_FIELD', 'toFingerprint must differ from fromFingerprint', {
          field: 'body.toFingerprint',
        });
      const row = await mutate(ctx, request, async (trx, audit) => {
        const from = await machineRepository.liveCount(trx, accountId, licenseId, fromFingerprint);
        if (!from.existing)
          throw new AppError('CONFLICT', `No live machine with fingerprint ${fromFingerprint}`);
        const to = await machineRepository.liveCount(trx, accountId, licenseId, toFingerprint);
        if (to.existing)
          throw new AppError('CONFLICT', `${toFingerprint} is already activated on this license`);
        const created = await machineRepository.requestTransfer(trx, accountId, {
          id: ctx.newId('approvalRequest'),
          licenseId,
          payload: { machineId: from.existing.id, fromFingerprint, toFingerprint },
          requestedBy: principalOf(request).tokenId,
          reason: reason ?? null,
          createdAt: ctx.clock(),
        });
        await audit({
          chainId: accountId,
          action: 'approval.requested',
          targetType: 'approval-request',
          targetId: created.id,
          changes: { kind: 'MACHINE_TRANSFER', licenseId, ...(created.payload as object) },
        });
        return created;
      });
      return reply.code(201).send(toTransferRequest(row));
    },
  );
}
