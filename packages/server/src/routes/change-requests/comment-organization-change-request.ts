// POST /v1/accounts/{accountId}/organizations/{organizationId}/change-requests/{changeRequestId}/comments
// — the customer writes to the vendor about a request (LICENSING privilege); the vendor is notified.
import { notFound } from '@licentia/core';
import { changeRequestRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses } from '../../http/schemas.ts';
import {
  ChangeRequestComment,
  CommentBody,
  OrgChangeRequestParams,
  toCommentView,
} from './change-request-schema.ts';
import { actorOf, commentOnRequest, commentText } from './change-request-steps.ts';

export function commentOrganizationChangeRequest(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/organizations/:organizationId/change-requests/:changeRequestId/comments',
    {
      schema: {
        summary: 'Comment on a change request (customer side)',
        tags: ['change-requests'],
        params: OrgChangeRequestParams,
        body: CommentBody,
        response: { 201: ChangeRequestComment, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, changeRequestId } = request.params;
      const principal = await requireOrgPrivilege(
        request,
        ctx,
        { accountId, organizationId },
        'LICENSING',
        `No change request ${changeRequestId}`,
      );
      const text = commentText(request.body.body);
      const comment = await mutate(ctx, request, async (trx, audit) => {
        const row = await changeRequestRepository.get(trx, accountId, changeRequestId, {
          organizationId,
          lock: true,
        });
        if (!row) throw notFound('change request', changeRequestId);
        return commentOnRequest(ctx, trx, audit, row, text, actorOf(principal));
      });
      return reply.code(201).send(toCommentView(comment));
    },
  );
}
