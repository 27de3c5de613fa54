// Customer organizations of one vendor account: list, create, rename and delete. The operator
// chooses the account; account and organization tokens work inside their own.
import { type FormEvent, useState } from 'react';
import { ErrorBanner, ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { CustomerDetail } from '../customer-overview/customer-detail.tsx';
import { AccountPicker } from '../shell/account-picker.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { OrganizationRow } from './organization-row.tsx';

export function OrganizationsPage() {
  const { api, me, can } = useSignedIn();
  const [pathAccount, pathOrg] = useHashPath();
  const [accountId, setAccountId] = useState(me.accountId ?? '');
  const [name, setName] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const list = usePagedList(
    (cursor) =>
      accountId
        ? api.listOrganizations(accountId, { limit: 50, cursor })
        : Promise.resolve({ data: [], nextCursor: null }),
    `orgs:${accountId}`,
  );
  // Organization tokens are bound to one organization and cannot add siblings to it.
  const mayCreate = can('organization:write') && me.kind !== 'organization';

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setActionError(null);
    try {
      await api.createOrganization(accountId, name.trim());
      setName('');
      list.reload();
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(false);
    }
  }

  // `#/organizations/<accountId>/<organizationId>` opens the customer's detail (issue 5 vendor console).
  if (pathAccount && pathOrg) {
    return <CustomerDetail key={pathOrg} scope={{ accountId: pathAccount, organizationId: pathOrg }} />;
  }
  return (
    <>
      <PageHeader
        title="Organizations"
        description="The customers of a vendor account. Licenses, seats and tokens are scoped to them."
        actions={<AccountPicker value={accountId} onChange={setAccountId} />}
      />
      {mayCreate && (
        <form className="card inline-form" onSubmit={create} data-testid="create-organization-form">
          <label className="field field-grow">
            <span>New organization</span>
            <input
              value={name}
              maxLength={200}
              placeholder="Customer name, e.g. Globex Corporation"
              onChange={(e) => setName(e.target.value)}
              data-testid="organization-name"
            />
          </label>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || !accountId || !name.trim()}
            data-testid="create-organization"
          >
            Create organization
          </button>
        </form>
      )}
      <ErrorBanner error={actionError} />
      <ErrorBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="organizations-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>ID</th>
              <th>Created</th>
              <th className="actions-col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((org) => (
              <OrganizationRow
                key={org.id}
                organization={org}
                canWrite={can('organization:write')}
                onChanged={list.reload}
                onError={setActionError}
              />
            ))}
          </tbody>
        </table>
        <ListEnd
          list={list}
          empty={
            accountId
              ? 'No organizations yet.'
              : 'There is no vendor account yet; create one through the API first.'
          }
        />
      </section>
    </>
  );
}
