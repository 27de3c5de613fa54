// A page-wide signal that the notification inbox may have changed (a notification marked read, a
// request filed or handled), so the unread badge in the navigation refreshes at once instead of at
// its next poll.
const EVENT = 'licentia:inbox-changed';

export function notifyInboxChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onInboxChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
