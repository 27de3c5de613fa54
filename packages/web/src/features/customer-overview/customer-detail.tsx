// The vendor console's view of one customer (`#/organizations/<accountId>/<organizationId>`): the
// same license overview the customer sees, with the plan switch; entitlement management; the
// customer's environments; and its change requests.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { Plan } from '../../api/organization-types.ts';
import { EmptyState, PageHeader } from '../../ui/feedback.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ChangeRequestRow, queuedRequestHref } from '../change-requests/change-request-list.tsx';
import { Environments } from '../environments/environments-page.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { Tabs } from '../portal/tabs.tsx';
import { EntitlementsPanel } from './entitlements-panel.tsx';
import { LicenseOverviewPanel } from './license-overview-panel.tsx';

type DetailTab = 'overview' | 'entitlements' | 'environments' | 'requests';

function CustomerRequests(props: { scope: OrgScope }) {
  const { api } = useSignedIn();
  const { accountId, organizationId } = props.scope;
  const list = useResource(
    () => api.changeRequestQueue(accountId, { organizationId, limit: 100 }),
    `customer-requests:${organizationId}`,
  );
  const rows = list.data?.data ?? [];
  return (
    <section className="card card-flush">
      <ProblemBanner error={list.error} />
      <table className="table" data-testid="customer-requests">
        <tbody>
          {rows.map((r) => (
            <ChangeRequestRow
              key={r.id}
              request={r}
              href={queuedRequestHref(accountId, r.id)}
              testId="customer-request-row"
            />
          ))}
        </tbody>
      </table>
      {!list.loading && rows.length === 0 && (
        <EmptyState>This customer has filed no change request.</EmptyState>
      )}
    </section>
  );
}

export function CustomerDetail(props: { scope: OrgScope }) {
  const { api, can } = useSignedIn();
  const { scope } = props;
  const [tab, setTab] = useState<DetailTab>('overview');
  const [version, setVersion] = useState(0);
  const planChange = useAction();
  const org = useResource(() => api.getOrganization(scope), `organization:${scope.organizationId}`);
  const mayWrite = can('license:write');

  const choosePlan = (plan: Plan) =>
    planChange.run(async () => {
      await api.setPlan(scope, plan);
      setVersion((v) => v + 1);
    });

  return (
    <>
      <a className="back-link" href="#/organizations">
        ← All organizations
      </a>
      <PageHeader
        title={org.data?.name ?? 'Customer'}
        description="What this customer owns and uses, as their portal shows it, and what you manage for them."
      />
      <ProblemBanner error={org.error ?? planChange.error} />
      <div data-testid="customer-detail" data-organization-id={scope.organizationId}>
        <Tabs
          label="Customer"
          active={tab}
          onChange={setTab}
          tabs={[
            { id: 'overview', label: 'License overview' },
            { id: 'entitlements', label: 'Entitlements' },
            { id: 'environments', label: 'Environments' },
            { id: 'requests', label: 'Change requests' },
          ]}
        />
        {tab === 'overview' && (
          <LicenseOverviewPanel
            scope={scope}
            version={version}
            onChoosePlan={mayWrite ? (plan) => void choosePlan(plan) : undefined}
            planBusy={planChange.busy}
          />
        )}
        {tab === 'entitlements' && (
          <EntitlementsPanel scope={scope} mayWrite={mayWrite} onChanged={() => setVersion((v) => v + 1)} />
        )}
        {tab === 'environments' && <Environments scope={scope} embedded />}
        {tab === 'requests' && <CustomerRequests scope={scope} />}
      </div>
    </>
  );
}
