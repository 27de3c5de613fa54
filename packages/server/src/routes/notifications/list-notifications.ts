// GET /v1/accounts/{accountId}/notifications?organizationId= — the vendor's inbox: new requests and
// customer comments across organizations, newest first.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { Inbox, InboxQuery, readInbox } from './notification-schema.ts';

const Query = Type.Object(
  { ...InboxQuery.properties, organizationId: Type.Optional(OrganizationId) },
  { additionalProperties: false },
);

export function listNotifications(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/notifications',
    {
      schema: {
        summary: "The vendor's notifications (vendor side)",
        tags: ['notifications'],
        params: AccountParams,
        querystring: Query,
        response: { 200: Inbox, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      guard(request, 'organization:read', { accountId }, `No account ${accountId}`);
      const { organizationId, ...query } = request.query;
      return readInbox(ctx, accountId, { audience: 'VENDOR', organizationId }, query);
    },
  );
}
