// Notifications of change-request steps, for the vendor's console (audience VENDOR, every
// organization of the account) or one organization's portal (audience ORGANIZATION).
import type { Kysely } from 'kysely';
import type { NotificationsTable, Schema } from '../schema.ts';
import { keysetPage } from './keyset-page.ts';
import type { Page, PageRequest } from './page.ts';

export type NotificationAudience = NotificationsTable['audience'];

export interface NotificationRow {
  id: string;
  organizationId: string;
  audience: NotificationAudience;
  kind: string;
  changeRequestId: string | null;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

/** Whose inbox: the vendor's (optionally narrowed to one organization) or one organization's. */
export interface Inbox {
  audience: NotificationAudience;
  organizationId?: string | undefined;
}

const columns = [
  'id',
  'organization_id as organizationId',
  'audience',
  'kind',
  'change_request_id as changeRequestId',
  'message',
  'created_at as createdAt',
  'read_at as readAt',
] as const;

function inbox(db: Kysely<Schema>, accountId: string, box: Inbox) {
  let q = db
    .selectFrom('notifications')
    .where('account_id', '=', accountId)
    .where('audience', '=', box.audience);
  if (box.organizationId) q = q.where('organization_id', '=', box.organizationId);
  return q;
}

export const notificationRepository = {
  async insert(
    db: Kysely<Schema>,
    accountId: string,
    row: Omit<NotificationRow, 'readAt'>,
  ): Promise<NotificationRow> {
    return db
      .insertInto('notifications')
      .values({
        id: row.id,
        account_id: accountId,
        organization_id: row.organizationId,
        audience: row.audience,
        kind: row.kind,
        change_request_id: row.changeRequestId,
        message: row.message,
        created_at: row.createdAt,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
  },

  /** Newest first; `unreadOnly` hides what was marked read. */
  async list(
    db: Kysely<Schema>,
    accountId: string,
    box: Inbox,
    options: { unreadOnly?: boolean | undefined },
    page: PageRequest,
  ): Promise<Page<NotificationRow>> {
    let q = inbox(db, accountId, box).select(columns);
    if (options.unreadOnly) q = q.where('read_at', 'is', null);
    return keysetPage(q, 'id', page, 'desc');
  },

  async countUnread(db: Kysely<Schema>, accountId: string, box: Inbox): Promise<number> {
    const r = await inbox(db, accountId, box)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },

  /** Mark one notification of the inbox read (keeps the first read time); undefined when not there. */
  async markRead(
    db: Kysely<Schema>,
    accountId: string,
    box: Inbox,
    id: string,
    at: Date,
  ): Promise<NotificationRow | undefined> {
    let q = db
      .updateTable('notifications')
      .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(at)) }))
      .where('account_id', '=', accountId)
      .where('audience', '=', box.audience)
      .where('id', '=', id);
    if (box.organizationId) q = q.where('organization_id', '=', box.organizationId);
    return q.returning(columns).executeTakeFirst();
  },
};
