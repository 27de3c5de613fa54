// The public shape of a notification, the list query, and the inbox answer (read the same way for
// the vendor's and an organization's inbox).
import { type Inbox as InboxScope, type NotificationRow, notificationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { AppContext } from '../../http/context.ts';
import { IdParam, Nullable, PageQuery, Timestamp } from '../../http/schemas.ts';
import { literals } from '../licenses/license-schema.ts';

export const NotificationId = IdParam('Notification', 'ntf');

export const Notification = Type.Object(
  {
    id: Type.String(),
    organizationId: Type.String(),
    audience: literals(['VENDOR', 'ORGANIZATION'] as const),
    kind: Type.String({ description: 'change_request.created | .status_changed | .commented' }),
    changeRequestId: Nullable(Type.String()),
    message: Type.String(),
    createdAt: Timestamp,
    readAt: Nullable(Timestamp),
  },
  { $id: 'Notification' },
);

export const Inbox = Type.Object({
  data: Type.Array(Notification),
  nextCursor: Nullable(Type.String()),
  unread: Type.Integer({ description: 'Unread notifications in this inbox' }),
});

export const InboxQuery = Type.Object(
  {
    ...PageQuery.properties,
    unread: Type.Optional(Type.Boolean({ description: 'Only notifications not marked read' })),
  },
  { additionalProperties: false },
);

export function toNotificationView(row: NotificationRow) {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** One page of an inbox, newest first, with its unread count. */
export async function readInbox(
  ctx: AppContext,
  accountId: string,
  box: InboxScope,
  query: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
) {
  const page = await notificationRepository.list(
    ctx.db,
    accountId,
    box,
    { unreadOnly: query.unread },
    { limit: query.limit, after: query.cursor },
  );
  return {
    data: page.data.map(toNotificationView),
    nextCursor: page.nextCursor,
    unread: await notificationRepository.countUnread(ctx.db, accountId, box),
  };
}
