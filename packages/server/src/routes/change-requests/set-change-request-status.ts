// PUT /v1/accounts/{accountId}/change-requests/{changeRequestId}/status — the vendor moves a request
// OPEN → IN_PROGRESS → RESOLVED | REJECTED (or rejects an OPEN one), optionally saying why; the
// organization is notified and each step is an audit event.
import { AppError, CHANGE_REQUEST_STATUSES, decideTransition, notFound } from '@licentia/core';
import { changeRequestRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { literals } from '../licenses/license-schema.ts';
import { ChangeRequest, toChangeRequestView, VendorChangeRequestParams } from './change-request-schema.ts';
import { actorOf, commentOnRequest, commentText, notifyStep } from './change-request-steps.ts';

const Body = Type.Object(
  {
    status: literals(CHANGE_REQUEST_STATUSES),
    comment: Type.Optional(
      Type.String({ minLength: 1, maxLength: 4000, description: 'Posted as a comment' }),
    ),
  },
  { additionalProperties: false },
);

export function setChangeRequestStatus(app: App, ctx: AppContext): void {
  app.put(
    '/v1/accounts/:accountId/change-requests/:changeRequestId/status',
    {
      schema: {
        summary: 'Move a change request to its next status (vendor side)',
        tags: ['change-requests'],
        params: VendorChangeRequestParams,
        body: Body,
        response: { 200: ChangeRequest, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, changeRequestId } = request.params;
      const principal = guard(
        request,
        'organization:write',
        { accountId },
        `No change request ${changeRequestId}`,
      );
      const { status, comment } = request.body;
      const text = comment === undefined ? null : commentText(comment);
      const actor = actorOf(principal);
      const { row, comments } = await mutate(ctx, request, async (trx, audit) => {
        const before = await changeRequestRepository.get(trx, accountId, changeRequestId, { lock: true });
        if (!before) throw notFound('change request', changeRequestId);
        const decision = decideTransition(before.status, status);
        if (!decision.ok) throw new AppError('CONFLICT', decision.reason);
        const after = await changeRequestRepository.setStatus(trx, accountId, before.id, status, ctx.clock());
        await audit({
          chainId: accountId,
          action: 'change_request.status_changed',
          targetType: 'change_request',
          targetId: after.id,
          changes: { status: { from: before.status, to: after.status } },
        });
        await notifyStep(ctx, trx, after, actor, { type: 'status', from: before.status, to: after.status });
        if (text) await commentOnRequest(ctx, trx, audit, after, text, actor);
        return { row: after, comments: await changeRequestRepository.comments(trx, accountId, after.id) };
      });
      return toChangeRequestView(row, comments);
    },
  );
}
