// Licenses of a vendor account: search and filters, the derived state of each, an issue form that
// shows the new key and signed token; a row opens the detail (`#/licenses/<accountId>/<licenseId>`).
import { useEffect, useState } from 'react';
import type { IssuedLicense } from '../../api/api-types.ts';
import { ErrorBanner, ListEnd, PageHeader } from '../../ui/feedback.tsx';
import { formatDateTime, shortId } from '../../ui/format.ts';
import { usePagedList } from '../../ui/use-paged-list.ts';
import { useSignedIn } from '../auth/session.tsx';
import { useChosenAccount } from '../products/chosen-account.ts';
import { AccountPicker } from '../shell/account-picker.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { IssueLicenseForm } from './issue-license-form.tsx';
import { IssuedLicenseCard } from './issued-license-card.tsx';
import { LicenseDetail } from './license-detail.tsx';
import { LicenseFilters, NO_FILTERS } from './license-filters.tsx';
import { useLicenseLookups } from './license-lookups.ts';
import { LicenseStateBadge } from './license-state-badge.tsx';

export function LicensesPage() {
  const [accountId, licenseId] = useHashPath();
  if (accountId && licenseId) return <LicenseDetail accountId={accountId} licenseId={licenseId} />;
  return <LicenseList />;
}

/** The search text once typing pauses, so a search is one request rather than one per key. */
function useSettled(value: string, delayMs: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

function LicenseList() {
  const { api, can } = useSignedIn();
  const [accountId, setAccountId] = useChosenAccount();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedLicense | null>(null);
  const lookups = useLicenseLookups(accountId);
  const q = useSettled(filters.q.trim(), 250);
  const query = { ...filters, q };
  const list = usePagedList(
    (cursor) =>
      accountId
        ? api.listLicenses(accountId, { ...query, limit: 50, cursor })
        : Promise.resolve({ data: [], nextCursor: null }),
    `licenses:${accountId}:${JSON.stringify(query)}`,
  );

  function changeAccount(next: string) {
    setAccountId(next);
    setFilters(NO_FILTERS); // Organizations and products belong to one account.
  }

  return (
    <>
      <PageHeader
        title="Licenses"
        description="Issued licenses, their state right now, keys and signed tokens."
        actions={
          <>
            <AccountPicker value={accountId} onChange={changeAccount} />
            {can('license:write') && !issuing && (
              <button
                type="button"
                className="button button-primary"
                disabled={!accountId}
                onClick={() => {
                  setIssued(null);
                  setIssuing(true);
                }}
                data-testid="new-license"
              >
                Issue license
              </button>
            )}
          </>
        }
      />
      {issued && <IssuedLicenseCard issued={issued} lookups={lookups} onDismiss={() => setIssued(null)} />}
      {issuing && (
        <IssueLicenseForm
          accountId={accountId}
          lookups={lookups}
          onCancel={() => setIssuing(false)}
          onIssued={(result) => {
            setIssuing(false);
            setIssued(result);
            list.reload();
          }}
        />
      )}
      <LicenseFilters value={filters} onChange={setFilters} lookups={lookups} />
      <ErrorBanner error={list.error} />
      <section className="card card-flush">
        <table className="table" data-testid="licenses-table">
          <thead>
            <tr>
              <th>License</th>
              <th>Organization</th>
              <th>Product</th>
              <th>Model</th>
              <th>State</th>
              <th>Expires</th>
              <th>Last validated</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((license) => (
              <tr key={license.id} data-testid="license-row" data-license-id={license.id}>
                <td>
                  <a
                    className="strong"
                    href={`#/licenses/${license.accountId}/${license.id}`}
                    data-testid="open-license"
                  >
                    {license.name ?? lookups.name('policy', license.policyId)}
                  </a>
                  <div className="mono faint" title={license.id}>
                    {shortId(license.id)} · key {license.keyHint}
                  </div>
                </td>
                <td>{lookups.name('organization', license.organizationId)}</td>
                <td>{lookups.name('product', license.productId)}</td>
                <td>
                  <span className="badge badge-model">{license.model}</span>
                </td>
                <td>
                  <LicenseStateBadge state={license.state} />
                </td>
                <td className="nowrap">{license.expiresAt ? formatDateTime(license.expiresAt) : 'Never'}</td>
                <td className="nowrap">{formatDateTime(license.lastValidatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListEnd list={list} empty={accountId ? 'No licenses match.' : 'Choose an account first.'} />
      </section>
    </>
  );
}
