// POST /v1/accounts/{accountId}/organizations/{organizationId}/notifications/{notificationId}/read
// — mark one of the organization's notifications read (whoever may read them may mark them).
import { notFound } from '@licentia/core';
import { notificationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { OrganizationId } from '../organizations/organization-schema.ts';
import { Notification, NotificationId, toNotificationView } from './notification-schema.ts';

const Params = Type.Object(
  { accountId: AccountId, organizationId: OrganizationId, notificationId: NotificationId },
  { additionalProperties: false },
);

export function markOrganizationNotificationRead(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/organizations/:organizationId/notifications/:notificationId/read',
    {
      schema: {
        summary: "Mark an organization's notification read (customer side)",
        tags: ['notifications'],
        params: Params,
        response: { 200: Notification, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, notificationId } = request.params;
      await requireOrgPrivilege(
        request,
        ctx,
        { accountId, organizationId },
        ['LICENSING', 'REPORTING'],
        `No notification ${notificationId}`,
      );
      const box = { audience: 'ORGANIZATION' as const, organizationId };
      const row = await notificationRepository.markRead(ctx.db, accountId, box, notificationId, ctx.clock());
      if (!row) throw notFound('notification', notificationId);
      return toNotificationView(row);
    },
  );
}
