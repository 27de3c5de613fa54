// GET /v1/accounts/{accountId}/notifications?organizationId= — the vendor's inbox: new requests and
// customer comments across organizations, newest first.
import { notificationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { Inbox, InboxQuery, toNotificationView } from './notification-schema.ts';

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
      const { limit, cursor, unread, organizationId } = request.query;
      const box = { audience: 'VENDOR' as const, organizationId };
      const page = await notificationRepository.list(
        ctx.db,
        accountId,
        box,
        { unreadOnly: unread },
        {
          limit,
          after: cursor,
        },
      );
      return {
        data: page.data.map(toNotificationView),
        nextCursor: page.nextCursor,
        unread: await notificationRepository.countUnread(ctx.db, accountId, box),
      };
    },
  );
}
