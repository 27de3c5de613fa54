// GET /v1/accounts/{accountId}/change-requests/{changeRequestId} — one request of the vendor's
// queue with its comments.
import { notFound } from '@licentia/core';
import { changeRequestRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ChangeRequest, toChangeRequestView, VendorChangeRequestParams } from './change-request-schema.ts';

export function getChangeRequest(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/change-requests/:changeRequestId',
    {
      schema: {
        summary: 'Get a change request with its comments (vendor side)',
        tags: ['change-requests'],
        params: VendorChangeRequestParams,
        response: { 200: ChangeRequest, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, changeRequestId } = request.params;
      guard(request, 'organization:read', { accountId }, `No change request ${changeRequestId}`);
      const row = await changeRequestRepository.get(ctx.db, accountId, changeRequestId);
      if (!row) throw notFound('change request', changeRequestId);
      return toChangeRequestView(row, await changeRequestRepository.comments(ctx.db, accountId, row.id));
    },
  );
}
