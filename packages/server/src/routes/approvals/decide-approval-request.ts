// POST /v1/accounts/{accountId}/approval-requests/{requestId}/approve|reject — the two-person rule:
// the decider holds approval:decide and is not the token that asked. Approving applies the change
// in the same transaction as the decision and its audit events.
import { AppError, notFound } from '@licentia/core';
import { type ApprovalRow, approvalRepository, licenseRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { optionalBody } from '../licenses/license-schema.ts';
import { applyApproval } from './apply-approval.ts';
import { ApprovalParams, ApprovalRequest, toApprovalView } from './approval-schema.ts';

const DecisionBody = Type.Object(
  { reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) },
  { additionalProperties: false },
);

export function decideApprovalRequest(app: App, ctx: AppContext): void {
  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/v1/accounts/:accountId/approval-requests/:requestId/${decision}`,
      {
        ...optionalBody,
        schema: {
          summary: `${decision === 'approve' ? 'Approve (and apply)' : 'Reject'} a request made by another token`,
          tags: ['approvals'],
          params: ApprovalParams,
          body: DecisionBody,
          response: { 200: ApprovalRequest, ...errorResponses, 409: Problem },
        },
      },
      async (request) => {
        const { accountId, requestId } = request.params;
        const now = ctx.clock();
        const row = await mutate(ctx, request, async (trx, audit) => {
          const pending = await approvalRepository.getForUpdate(trx, accountId, requestId);
          const license =
            pending && (await licenseRepository.getForUpdate(trx, accountId, pending.licenseId));
          const principal = guard(
            request,
            'approval:decide',
            { accountId, organizationId: license?.organizationId ?? null },
            `No approval request ${requestId}`,
          );
          if (!pending || !license) throw notFound('approval request', requestId);
          if (pending.requestedBy === principal.tokenId)
            throw new AppError(
              'FORBIDDEN',
              'A request must be decided by another token than the one that made it',
            );
          if (pending.status !== 'PENDING')
            throw new AppError('CONFLICT', `The request is already ${pending.status}`);
          const status = decision === 'approve' ? 'APPROVED' : 'REJECTED';
          if (status === 'APPROVED') await applyApproval(ctx, trx, audit, pending, license, now);
          const decided: ApprovalRow = await approvalRepository.decide(
            trx,
            accountId,
            requestId,
            { status, decidedBy: principal.tokenId, reason: request.body?.reason ?? null },
            now,
          );
          await audit({
            chainId: accountId,
            action: `approval.${status.toLowerCase()}`,
            targetType: 'approval-request',
            targetId: requestId,
            changes: { kind: pending.kind, licenseId: pending.licenseId, reason: decided.decisionReason },
          });
          return decided;
        });
        return toApprovalView(row);
      },
    );
  }
}
