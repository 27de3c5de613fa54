// POST /v1/accounts/{accountId}/licenses/{licenseId}/transfer-requests — ask to move a license to
// another customer organization; nothing moves until a different token approves the request.
import { AppError, notFound } from '@licentia/core';
import { approvalRepository, organizationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate, principalOf } from '../../http/context.ts';
import { errorResponses, IdParam, Problem } from '../../http/schemas.ts';
import { ApprovalRequest, toApprovalView } from '../approvals/approval-schema.ts';
import { loadLicense } from './license-access.ts';
import { LicenseParams } from './license-schema.ts';

const TransferBody = Type.Object(
  {
    toOrganizationId: IdParam('Organization', 'org'),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  { additionalProperties: false },
);

export function requestLicenseTransfer(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/licenses/:licenseId/transfer-requests',
    {
      schema: {
        summary: 'Request the transfer of a license to another customer (needs a second approver)',
        tags: ['licenses', 'approvals'],
        params: LicenseParams,
        body: TransferBody,
        response: { 201: ApprovalRequest, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, licenseId } = request.params;
      const { toOrganizationId, reason } = request.body;
      const now = ctx.clock();
      const row = await mutate(ctx, request, async (trx, audit) => {
        const license = await loadLicense(trx, request, request.params, 'license:write', true);
        if (!(await organizationRepository.get(trx, accountId, toOrganizationId)))
          throw notFound('organization', toOrganizationId);
        if (license.status === 'REVOKED')
          throw new AppError('CONFLICT', 'A revoked license cannot be transferred');
        if (license.organizationId === toOrganizationId)
          throw new AppError('CONFLICT', 'The license already belongs to that organization');
        const created = await approvalRepository.insert(
          trx,
          accountId,
          {
            id: ctx.newId('approvalRequest'),
            licenseId,
            kind: 'LICENSE_TRANSFER',
            payload: { fromOrganizationId: license.organizationId, toOrganizationId },
            requestedBy: principalOf(request).tokenId,
            reason: reason ?? null,
          },
          now,
        );
        await audit({
          chainId: accountId,
          action: 'approval.requested',
          targetType: 'approval-request',
          targetId: created.id,
          changes: { kind: 'LICENSE_TRANSFER', licenseId, ...created.payload, reason: reason ?? null },
        });
        return created;
      });
      return reply.code(201).send(toApprovalView(row));
    },
  );
}
