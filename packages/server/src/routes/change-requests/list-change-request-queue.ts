// GET /v1/accounts/{accountId}/change-requests?status=&organizationId= — the vendor's queue of
// requests across its customer organizations, oldest first.
import { changeRequestRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { ChangeRequest, StatusQuery, toChangeRequestView } from './change-request-schema.ts';

const QueueQuery = Type.Object(
  { ...StatusQuery.properties, organizationId: Type.Optional(OrganizationId) },
  { additionalProperties: false },
);

export function listChangeRequestQueue(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/change-requests',
    {
      schema: {
        summary: "The vendor's queue of change requests across organizations",
        tags: ['change-requests'],
        params: AccountParams,
        querystring: QueueQuery,
        response: { 200: pageOf(Type.Omit(ChangeRequest, ['comments'])), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      guard(request, 'organization:read', { accountId }, `No account ${accountId}`);
      const { limit, cursor, status, organizationId } = request.query;
      const page = await changeRequestRepository.list(
        ctx.db,
        accountId,
        { organizationId, status },
        { limit, after: cursor },
      );
      return { data: page.data.map((row) => toChangeRequestView(row)), nextCursor: page.nextCursor };
    },
  );
}
