// POST /v1/accounts/{accountId}/change-requests/{changeRequestId}/comments — the vendor writes to the
// customer about a request; the organization is notified.
import { notFound } from '@licentia/core';
import { changeRequestRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import {
  ChangeRequestComment,
  CommentBody,
  toCommentView,
  VendorChangeRequestParams,
} from './change-request-schema.ts';
import { actorOf, commentOnRequest, commentText } from './change-request-steps.ts';

export function commentChangeRequest(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/change-requests/:changeRequestId/comments',
    {
      schema: {
        summary: 'Comment on a change request (vendor side)',
        tags: ['change-requests'],
        params: VendorChangeRequestParams,
        body: CommentBody,
        response: { 201: ChangeRequestComment, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, changeRequestId } = request.params;
      const principal = guard(
        request,
        'organization:write',
        { accountId },
        `No change request ${changeRequestId}`,
      );
      const text = commentText(request.body.body);
      const comment = await mutate(ctx, request, async (trx, audit) => {
        const row = await changeRequestRepository.get(trx, accountId, changeRequestId, { lock: true });
        if (!row) throw notFound('change request', changeRequestId);
        return commentOnRequest(ctx, trx, audit, row, text, actorOf(principal));
      });
      return reply.code(201).send(toCommentView(comment));
    },
  );
}
