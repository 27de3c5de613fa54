// The form that mints an API token: kind, scope, roles and an optional expiry. It offers only
// kinds and roles this session may grant; the server checks again and explains any refusal.
import { useState } from 'react';
import type { CreatedToken, TokenKind } from '../../api/api-types.ts';
import { FormFooter } from '../../ui/form-footer.tsx';
import { codeOptions, SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useAction } from '../../ui/use-action.ts';
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
  // The page replaces the form with the new secret on success.
  const save = useAction({ keepBusyOnSuccess: true });

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

  const submit = save.handleSubmit(async () => {
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
  });

  const complete =
    name.trim() !== '' &&
    roles.length > 0 &&
    (kind === 'operator' || accountId !== '') &&
    (kind !== 'organization' || organizationId !== '');

  return (
    <form className="card form-grid" onSubmit={submit} data-testid="create-token-form">
      <h2 className="card-title full-row">New API token</h2>
      <TextField
        label="Name"
        value={name}
        onChange={setName}
        maxLength={200}
        placeholder="What uses it, e.g. CI release pipeline"
        testId="new-token-name"
      />
      <SelectField
        label="Kind"
        value={kind}
        onChange={changeKind}
        options={codeOptions(kinds)}
        testId="new-token-kind"
      />
      {kind !== 'operator' && <AccountPicker value={accountId} onChange={changeAccount} label="Account" />}
      {pickOrganization && (
        <OrganizationSelect accountId={accountId} value={organizationId} onChange={setOrganizationId} />
      )}
      <RoleChoices choices={grantableRoles(me, kind)} value={roles} onChange={setRoles} />
      <TextField label="Expires (optional)" type="date" value={expiresOn} onChange={setExpiresOn} />
      <FormFooter
        error={save.error}
        errorTestId="create-token-error"
        onCancel={props.onCancel}
        busy={save.busy}
        incomplete={!complete}
        submitTestId="create-token"
        label="Create token"
        busyLabel="Creating…"
      />
    </form>
  );
}
