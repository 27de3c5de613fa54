// The public shape of a notification, the list query, and the inbox answer.
import type { NotificationRow } from '@licentia/db';
import { Type } from 'typebox';
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
