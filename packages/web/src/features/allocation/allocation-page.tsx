// Effective license allocation in the portal (`#/allocation/<accountId>/<organizationId>`): what an
// organization's people consume per product and environment (chart and tables), what was released
// and why, user licenses next to the Users tab, refused logins, the recompute log, CSV export and a
// full recompute.
import { useState } from 'react';
import { downloadFile } from '../../ui/download-file.ts';
import { EmptyState, ErrorBanner, PageHeader } from '../../ui/feedback.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { OrganizationRoutePickers, useOrganizationRoute } from '../shell/organization-picker.tsx';
import { AllocationActivity } from './allocation-activity.tsx';
import { ConsumptionChart } from './consumption-chart.tsx';
import { EnvironmentTable, ProductTable, ReleaseTable, UserLicenseTable } from './consumption-tables.tsx';

export function AllocationPage() {
  const { api } = useSignedIn();
  const route = useOrganizationRoute('allocation');
  const { accountId, organizationId } = route;
  const [version, setVersion] = useState(0);
  const action = useAction();
  const report = useResource(
    () =>
      accountId && organizationId
        ? api.allocationConsumption(accountId, organizationId)
        : Promise.resolve(null),
    `allocation:${accountId}:${organizationId}:${version}`,
  );

  const downloadCsv = () =>
    action.run(async () => {
      downloadFile('license-consumption.csv', await api.allocationConsumptionCsv(accountId, organizationId));
    });
  const recompute = () =>
    action.run(async () => {
      await api.recomputeAllocation(accountId, organizationId);
      setVersion((v) => v + 1);
    });

  const data = report.data;
  return (
    <>
      <PageHeader
        title="License allocation"
        description="Effective licenses per person after the ranking rules: what is consumed, what was released and why."
        actions={
          <>
            <OrganizationRoutePickers route={route} testId="allocation-org-picker" />
            <button
              type="button"
              className="button button-ghost"
              disabled={!data || action.busy}
              onClick={downloadCsv}
            >
              Export CSV
            </button>
            <button
              type="button"
              className="button"
              disabled={!data || action.busy}
              onClick={recompute}
              data-testid="allocation-recompute"
            >
              Recompute
            </button>
          </>
        }
      />
      <ErrorBanner error={report.error} />
      <ErrorBanner error={action.error} testId="allocation-action-error" />
      {!organizationId && <EmptyState>Choose an organization to see its license consumption.</EmptyState>}
      {data && (
        <div className="stack" data-testid="allocation-report">
          <section className="card">
            <ConsumptionChart products={data.products} />
            <p className="muted" data-testid="allocation-login-refused">
              {data.loginRefused} {data.loginRefused === 1 ? 'person holds' : 'people hold'} assignments but
              no effective license: their logins are refused.
            </p>
          </section>
          <section className="card card-flush">
            <ProductTable report={data} />
          </section>
          <section className="card">
            <h2 className="card-title">Per environment</h2>
            <EnvironmentTable report={data} />
          </section>
          <section className="card">
            <h2 className="card-title">Released licenses</h2>
            <ReleaseTable report={data} />
          </section>
          <section className="card">
            <h2 className="card-title">User licenses</h2>
            <UserLicenseTable report={data} />
          </section>
          <AllocationActivity accountId={accountId} organizationId={organizationId} version={version} />
        </div>
      )}
    </>
  );
}
