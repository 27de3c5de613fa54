// API tokens: list what this session can see, mint new ones (secret shown once), revoke.
import { useState } from 'react';
import type { ApiToken, CreatedToken } from '../../api/api-types.ts';
import { ErrorBanner, ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { AccountPicker, ALL_ACCOUNTS } from '../shell/account-picker.tsx';
import { CreateTokenForm } from './create-token-form.tsx';
import { SecretReveal } from './secret-reveal.tsx';
import { TokenRow } from './token-row.tsx';

export function TokensPage() {
  const { api, me, can } = useSignedIn();
  const [accountId, setAccountId] = useState(me.accountId ?? ALL_ACCOUNTS);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Only the operator filters; other tokens always see their own account or organization.
  const filter = me.kind === 'operator' ? accountId || undefined : undefined;
  const list = usePagedList(
    (cursor) => api.listTokens({ accountId: filter, limit: 50, cursor }),
    `tokens:${filter}`,
  );

  async function revoke(token: ApiToken) {
    setBusy(true);
    setActionError(null);
    try {
      // Revoking the session's own token ends the session through the client's 401 handling.
      await api.revokeToken(token.id);
      list.reload();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Bearer tokens for the API, the CLI and this console. Secrets are shown only once."
        actions={
          <>
            {me.kind === 'operator' && <AccountPicker value={accountId} onChange={setAccountId} allowAll />}
            {can('token:write') && !creating && (
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  setCreated(null);
                  setCreating(true);
                }}
                data-testid="new-token"
              >
                New token
              </button>
            )}
          </>
        }
      />
      {created && <SecretReveal created={created} onDismiss={() => setCreated(null)} />}
      {creating && (
        <CreateTokenForm
          onCancel={() => setCreating(false)}
          onCreated={(result) => {
            setCreating(false);
            setCreated(result);
            list.reload();
          }}
        />
      )}
      <ErrorBanner error={actionError} />
      <ErrorBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="tokens-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Roles</th>
              <th>Scope</th>
              <th>Created</th>
              <th>Expires</th>
              <th>Status</th>
              <th className="actions-col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((token) => (
              <TokenRow
                key={token.id}
                token={token}
                isCurrent={token.id === me.tokenId}
                canRevoke={can('token:write')}
                busy={busy}
                onRevoke={revoke}
              />
            ))}
          </tbody>
        </table>
        <ListEnd list={list} empty="No tokens in this scope." />
      </section>
    </>
  );
}
