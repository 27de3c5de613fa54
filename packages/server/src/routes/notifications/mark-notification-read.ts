// POST /v1/accounts/{accountId}/notifications/{notificationId}/read — mark one of the vendor's
// notifications read (whoever may read the inbox may mark it).
import { notFound } from '@licentia/core';
import { notificationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { Notification, NotificationId, toNotificationView } from './notification-schema.ts';

const Params = Type.Object(
  { accountId: AccountId, notificationId: NotificationId },
  { additionalProperties: false },
);

export function markNotificationRead(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/notifications/:notificationId/read',
    {
      schema: {
        summary: 'Mark a vendor notification read (vendor side)',
        tags: ['notifications'],
        params: Params,
        response: { 200: Notification, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, notificationId } = request.params;
      guard(request, 'organization:read', { accountId }, `No notification ${notificationId}`);
      const box = { audience: 'VENDOR' as const };
      const row = await notificationRepository.markRead(ctx.db, accountId, box, notificationId, ctx.clock());
      if (!row) throw notFound('notification', notificationId);
      return toNotificationView(row);
    },
  );
}
