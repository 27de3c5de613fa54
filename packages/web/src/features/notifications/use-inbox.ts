// The notification inbox of whoever is signed in: an organization token reads its organization's
// inbox, a vendor token its account's. Returns the loader and the mark-read call for that inbox.
import type { Query } from '../../api/licensing-endpoints.ts';
import { useSignedIn } from '../auth/session.tsx';
import { useChosenAccount } from '../products/chosen-account.ts';

export function useInbox() {
  const { api, me } = useSignedIn();
  const [accountId] = useChosenAccount();
  if (me.kind === 'organization' && me.accountId && me.organizationId) {
    const scope = { accountId: me.accountId, organizationId: me.organizationId };
    return {
      key: `org-inbox:${scope.organizationId}`,
      side: 'ORGANIZATION' as const,
      load: (query: Query) => api.organizationInbox(scope, query),
      markRead: (id: string) => api.markOrganizationNotificationRead(scope, id),
    };
  }
  return {
    key: `vendor-inbox:${accountId}`,
    side: 'VENDOR' as const,
    load: (query: Query) =>
      accountId
        ? api.vendorInbox(accountId, query)
        : Promise.resolve({ data: [], nextCursor: null, unread: 0 }),
    markRead: (id: string) => api.markVendorNotificationRead(accountId, id),
  };
}
