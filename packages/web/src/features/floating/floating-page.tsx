// Floating licenses in the console: choose a floating license (`#/floating/<accountId>/<licenseId>`),
// then see its seat pools and leases live, force-remove a lease, and read its usage analytics.
import { useEffect, useState } from 'react';
import { EmptyState, ErrorBanner, PageHeader } from '../../ui/feedback.tsx';
import { shortId } from '../../ui/format.ts';
import { Picker } from '../../ui/select-field.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { useChosenAccount } from '../products/chosen-account.ts';
import { AccountPicker } from '../shell/account-picker.tsx';
import { useHashPath } from '../shell/app-shell.tsx';
import { FloatingAnalyticsPanel } from './floating-analytics-panel.tsx';
import { FloatingLeases } from './floating-leases.tsx';
import { FloatingPools } from './floating-pools.tsx';

function open(accountId: string, licenseId: string) {
  window.location.hash = `#/floating/${encodeURIComponent(accountId)}/${encodeURIComponent(licenseId)}`;
}

export function FloatingPage() {
  const { api } = useSignedIn();
  const [pathAccount, pathLicense] = useHashPath();
  const [chosen, setChosen] = useChosenAccount();
  const accountId = pathAccount ?? chosen;
  const licenseId = pathAccount === accountId ? (pathLicense ?? '') : '';
  // Bumped after a removal so pools, leases and analytics reload together.
  const [version, setVersion] = useState(0);
  const licenses = useResource(
    () =>
      accountId
        ? api.listLicenses(accountId, { model: 'FLOATING', limit: 200 })
        : Promise.resolve({ data: [], nextCursor: null }),
    `floating-licenses:${accountId}`,
  );
  const first = licenses.data?.data[0]?.id;
  // Open the first floating license of the account, so the page shows something at once.
  useEffect(() => {
    if (accountId && !licenseId && first) open(accountId, first);
  }, [accountId, licenseId, first]);

  function changeAccount(next: string) {
    setChosen(next);
    window.location.hash = '#/floating';
  }

  return (
    <>
      <PageHeader
        title="Floating licenses"
        description="Seat pools of a floating license, who holds them right now, and how they were used."
        actions={
          <>
            <AccountPicker value={accountId} onChange={changeAccount} />
            <Picker
              label="License"
              value={licenseId}
              onChange={(next) => open(accountId, next)}
              options={(licenses.data?.data ?? []).map((license) => ({
                id: license.id,
                name: `${license.name ?? shortId(license.id)} · ${license.keyHint}`,
              }))}
              placeholder={licenseId ? undefined : licenses.loading ? 'Loading…' : 'No floating licenses'}
              testId="floating-license-picker"
            />
          </>
        }
      />
      <ErrorBanner error={licenses.error} />
      {accountId && licenseId ? (
        <div className="stack" data-testid="floating-license" data-license-id={licenseId}>
          <FloatingPools accountId={accountId} licenseId={licenseId} version={version} />
          <FloatingLeases
            accountId={accountId}
            licenseId={licenseId}
            version={version}
            onRemoved={() => setVersion((v) => v + 1)}
          />
          <FloatingAnalyticsPanel accountId={accountId} licenseId={licenseId} version={version} />
        </div>
      ) : (
        <EmptyState>{accountId ? 'Choose a floating license.' : 'Choose an account first.'}</EmptyState>
      )}
    </>
  );
}
