// The license overview of one customer organization with its four tabs (Products, Integrations,
// Users, License level), loaded from one API answer. Shared by the customer portal and the vendor
// console's customer detail, which adds the plan switch.
import { useState } from 'react';
import type { OrgScope } from '../../api/organization-endpoints.ts';
import type { Plan } from '../../api/organization-types.ts';
import { formatDateTime } from '../../ui/format.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { ProblemBanner } from '../portal/problem-banner.tsx';
import { Tabs } from '../portal/tabs.tsx';
import { IntegrationsTab } from './integrations-tab.tsx';
import { LicenseLevelTab } from './license-level-tab.tsx';
import { ProductsTab } from './products-tab.tsx';
import { UsersTab } from './users-tab.tsx';

export type OverviewTab = 'products' | 'integrations' | 'users' | 'license-level';

export function LicenseOverviewPanel(props: {
  scope: OrgScope;
  /** Bump to reload, e.g. after the vendor changed an entitlement or the plan. */
  version?: number;
  onChoosePlan?: (plan: Plan) => void;
  planBusy?: boolean;
}) {
  const { api } = useSignedIn();
  const { scope } = props;
  const [tab, setTab] = useState<OverviewTab>('products');
  const overview = useResource(
    () => api.licenseOverview(scope),
    `overview:${scope.accountId}:${scope.organizationId}:${props.version ?? 0}`,
  );
  const data = overview.data;
  const over = data?.users.overage.length ?? 0;
  return (
    <section data-testid="license-overview">
      <Tabs
        label="License overview"
        active={tab}
        onChange={setTab}
        tabs={[
          { id: 'products', label: 'Products' },
          { id: 'integrations', label: 'Integrations' },
          { id: 'users', label: 'Users', hint: over > 0 ? 'Over' : undefined },
          { id: 'license-level', label: 'License level' },
        ]}
      />
      <ProblemBanner error={overview.error} />
      {!data && overview.loading && <p className="muted">Loading the overview…</p>}
      {data && (
        <div role="tabpanel" data-testid={`tabpanel-${tab}`}>
          {tab === 'products' && <ProductsTab overview={data} />}
          {tab === 'integrations' && <IntegrationsTab overview={data} />}
          {tab === 'users' && <UsersTab scope={scope} overview={data} />}
          {tab === 'license-level' && (
            <LicenseLevelTab
              overview={data}
              onChoosePlan={props.onChoosePlan}
              busy={props.planBusy ?? false}
            />
          )}
          <p className="fine-print">As of {formatDateTime(data.generatedAt)}.</p>
        </div>
      )}
    </section>
  );
}
