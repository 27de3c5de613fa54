// The notification inbox (newest first): change requests filed, commented and moved between
// statuses by the other side. Mark one or all as read; open the request it is about.
import { useState } from 'react';
import { ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { useChosenAccount } from '../products/chosen-account.ts';
import { AccountPicker } from '../shell/account-picker.tsx';
import { notifyInboxChanged } from './inbox-events.ts';
import { useInbox } from './use-inbox.ts';

export function NotificationsPage() {
  const { me } = useSignedIn();
  const inbox = useInbox();
  const [accountId, setAccountId] = useChosenAccount();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = usePagedList(
    (cursor) => inbox.load({ limit: 50, cursor, unread: unreadOnly ? 'true' : undefined }),
    `${inbox.key}:${unreadOnly}`,
  );
  const requestHref = (id: string) =>
    inbox.side === 'ORGANIZATION'
      ? `#/change-requests/${encodeURIComponent(id)}`
      : `#/request-queue/${encodeURIComponent(accountId)}/${encodeURIComponent(id)}`;

  async function markRead(ids: string[]) {
    setError(null);
    try {
      for (const id of ids) await inbox.markRead(id);
      list.reload();
      notifyInboxChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  const unread = list.items.filter((n) => !n.readAt).map((n) => n.id);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={
          inbox.side === 'ORGANIZATION'
            ? 'What your vendor did with your change requests.'
            : 'New change requests and comments from your customers.'
        }
        actions={
          <>
            {me.kind !== 'organization' && <AccountPicker value={accountId} onChange={setAccountId} />}
            <label className="check">
              <input
                type="checkbox"
                checked={unreadOnly}
                onChange={(e) => setUnreadOnly(e.target.checked)}
                data-testid="unread-only"
              />
              Unread only
            </label>
            <button
              type="button"
              className="button button-ghost"
              disabled={unread.length === 0}
              onClick={() => void markRead(unread)}
              data-testid="mark-all-read"
            >
              Mark all read
            </button>
          </>
        }
      />
      <ProblemBanner error={error ?? list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="notifications-table">
          <tbody>
            {list.items.map((n) => (
              <tr
                key={n.id}
                className={n.readAt ? undefined : 'unread'}
                data-testid="notification-row"
                data-read={Boolean(n.readAt)}
              >
                <td className={n.readAt ? undefined : 'strong'}>{n.message}</td>
                <td className="nowrap faint">{formatDateTime(n.createdAt)}</td>
                <td className="actions-col">
                  <div className="row-actions">
                    {n.changeRequestId && (
                      <a className="button button-ghost button-small" href={requestHref(n.changeRequestId)}>
                        Open request
                      </a>
                    )}
                    {!n.readAt && (
                      <button
                        type="button"
                        className="button button-ghost button-small"
                        onClick={() => void markRead([n.id])}
                        data-testid="mark-read"
                      >
                        Mark read
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListEnd list={list} empty="No notifications." />
      </section>
    </>
  );
}
