// The form that mints an API token: kind, scope, roles and an optional expiry. It offers only
// kinds and roles this session may grant; the server checks again and explains any refusal.
import { type FormEvent, useState } from 'react';
import type { CreatedToken, TokenKind } from '../../api/api-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { grantableKinds } from '../auth/permissions.ts';
import { useSignedIn } from '../auth/session.tsx';
import { AccountPicker } from '../shell/account-picker.tsx';
import { grantableRoles, OrganizationSelect, RoleChoices } from './token-scope-fields.tsx';

export function CreateTokenForm(props: { onCreated: (created: CreatedToken) => void; onCancel: () => void }) {
  const { api, me } = useSignedIn();
  const kinds = grantableKinds(me);
  const [kind, setKind] = useState<TokenKind>(kinds[0]!);
  const [name, setName] = useState('');
  const [accountId, setAccountId] = useState(me.accountId ?? '');
  const [organizationId, setOrganizationId] = useState(me.organizationId ?? '');
  const [roles, setRoles] = useState<string[]>(() => grantableRoles(me, kinds[0]!).slice(0, 1));
  const [expiresOn, setExpiresOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // Organization tokens mint only for their own organization, so they get no choice of it.
  const pickOrganization = kind === 'organization' && me.kind !== 'organization';

  function changeKind(next: TokenKind) {
    setKind(next);
    setRoles(grantableRoles(me, next).slice(0, 1));
  }

  function changeAccount(next: string) {
    setAccountId(next);
    // An organization belongs to one account; keep the choice only while the account stays.
    if (next !== accountId && me.kind !== 'organization') setOrganizationId('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.createToken({
        kind,
        name: name.trim(),
        roles,
        ...(kind !== 'operator' ? { accountId } : {}),
        ...(kind === 'organization' ? { organizationId } : {}),
        // A date means "valid through that day" in the reader's time zone.
        ...(expiresOn ? { expiresAt: new Date(`${expiresOn}T23:59:59`).toISOString() } : {}),
      });
      props.onCreated(created);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  const complete =
    name.trim() !== '' &&
    roles.length > 0 &&
    (kind === 'operator' || accountId !== '') &&
    (kind !== 'organization' || organizationId !== '');

  return (
    <form className="card form-grid" onSubmit={submit} data-testid="create-token-form">
      <h2 className="card-title full-row">New API token</h2>
      <label className="field">
        <span>Name</span>
        <input
          value={name}
          maxLength={200}
          placeholder="What uses it, e.g. CI release pipeline"
          onChange={(e) => setName(e.target.value)}
          data-testid="new-token-name"
        />
      </label>
      <label className="field">
        <span>Kind</span>
        <select
          value={kind}
          onChange={(e) => changeKind(e.target.value as TokenKind)}
          data-testid="new-token-kind"
        >
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {kind !== 'operator' && <AccountPicker value={accountId} onChange={changeAccount} label="Account" />}
      {pickOrganization && (
        <OrganizationSelect accountId={accountId} value={organizationId} onChange={setOrganizationId} />
      )}
      <RoleChoices choices={grantableRoles(me, kind)} value={roles} onChange={setRoles} />
      <label className="field">
        <span>Expires (optional)</span>
        <input type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
      </label>
      <FormFooter
        error={error}
        errorTestId="create-token-error"
        onCancel={props.onCancel}
        busy={busy}
        incomplete={!complete}
        submitTestId="create-token"
        label="Create token"
        busyLabel="Creating…"
      />
    </form>
  );
}
