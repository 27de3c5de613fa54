// The unread-notification count shown next to "Notifications" in the navigation; polls gently and
// refreshes at once when a page signals that the inbox changed.
import { useEffect } from 'react';
import { useResource } from '../../ui/use-resource.ts';
import { onInboxChanged } from './inbox-events.ts';
import { useInbox } from './use-inbox.ts';

const REFRESH_MS = 30_000;

export function UnreadBadge() {
  const inbox = useInbox();
  const unread = useResource(() => inbox.load({ limit: 1 }), `unread:${inbox.key}`, {
    refreshMs: REFRESH_MS,
  });
  const { reload } = unread;
  useEffect(() => onInboxChanged(reload), [reload]);
  const count = unread.data?.unread ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav-badge" data-testid="unread-badge" data-count={count} title={`${count} unread`}>
      {count > 99 ? '99+' : count}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}
