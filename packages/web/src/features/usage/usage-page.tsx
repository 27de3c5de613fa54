// Usage monitoring in the portal (`#/usage/<accountId>/<organizationId>`): the compliance mode with
// its reason and remedy, counted users over time against the limit, denials by feature and user, peak
// concurrency per feature, license servers with their status, and agents with the Harvest column.
import { type ReactNode, useState } from 'react';
import { EmptyState, ErrorBanner, PageHeader } from '../../ui/feedback.tsx';
import { Picker } from '../../ui/select-field.tsx';
import { useAction } from '../../ui/use-action.ts';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { OrganizationRoutePickers, useOrganizationRoute } from '../shell/organization-picker.tsx';
import { ModeBanner } from './mode-banner.tsx';
import { peaksByFeature } from './usage-format.ts';
import { Agents, LicenseModes, LicenseServers, PeakConcurrency, UsageDenials } from './usage-tables.tsx';
import { UserCountChart } from './user-count-chart.tsx';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A part of the page that may be refused on its own (e.g. reports in a restricted mode). */
function Part(props: { title: string; error: unknown; testId: string; children: ReactNode }) {
  return (
    <section className="card" data-testid={props.testId}>
      <h2 className="card-title">{props.title}</h2>
      <ErrorBanner error={props.error} testId={`${props.testId}-error`} />
      {!props.error && props.children}
    </section>
  );
}

export function UsagePage() {
  const { api } = useSignedIn();
  const route = useOrganizationRoute('usage');
  const { accountId, organizationId } = route;
  const [version, setVersion] = useState(0);
  const [licenseChoice, setLicenseChoice] = useState('');
  const evaluation = useAction();
  const key = `${accountId}:${organizationId}:${version}`;
  const ready = Boolean(accountId && organizationId);
  const to = day(Date.now());
  const from = day(Date.now() - 89 * DAY_MS);

  const compliance = useResource(
    () => (ready ? api.organizationCompliance(accountId, organizationId) : Promise.resolve(null)),
    `compliance:${key}`,
  );
  const counts = useResource(
    () => (ready ? api.userCounts(accountId, organizationId, { from, to }) : Promise.resolve(null)),
    `counts:${key}`,
  );
  const denials = useResource(
    () =>
      ready
        ? api.usageDenials(accountId, organizationId, { from: day(Date.now() - 29 * DAY_MS), limit: 500 })
        : Promise.resolve(null),
    `denials:${key}`,
  );
  const servers = useResource(
    () => (ready ? api.licenseServerStatus(accountId, organizationId) : Promise.resolve(null)),
    `servers:${key}`,
  );
  const agents = useResource(
    () => (ready ? api.harvestingAgents(accountId, organizationId) : Promise.resolve(null)),
    `agents:${key}`,
  );
  const licenseIds = (compliance.data?.licenses ?? []).slice(0, 10).map((l) => l.licenseId);
  const peaks = useResource(
    async () =>
      peaksByFeature(
        await Promise.all(
          licenseIds.map((licenseId) =>
            api.floatingAnalytics(accountId, { licenseId, bucket: 'day' }).catch(() => ({ peaks: [] })),
          ),
        ),
      ),
    `peaks:${key}:${licenseIds.join(',')}`,
  );

  const reevaluate = () =>
    evaluation.run(async () => {
      await api.evaluateCompliance(accountId, organizationId);
      setVersion((v) => v + 1);
    });

  const org = compliance.data;
  const chartLicense =
    licenseChoice ||
    org?.licenseId ||
    org?.licenses.find((l) => l.userLimit !== null)?.licenseId ||
    org?.licenses[0]?.licenseId ||
    '';
  return (
    <>
      <PageHeader
        title="Usage"
        description="Users counted over the last 30 days against the user limit, the compliance mode, denials, peaks, license servers and harvesting agents."
        actions={
          <>
            <OrganizationRoutePickers route={route} testId="usage-org-picker" />
            <button
              type="button"
              className="button"
              disabled={!ready || evaluation.busy}
              onClick={reevaluate}
              data-testid="usage-evaluate"
            >
              Re-evaluate
            </button>
          </>
        }
      />
      <ErrorBanner error={compliance.error} />
      <ErrorBanner error={evaluation.error} testId="usage-action-error" />
      {!ready && <EmptyState>Choose an organization to see its usage.</EmptyState>}
      {org && (
        <div className="stack" data-testid="usage-report">
          <ModeBanner compliance={org} />
          <Part title="Counted users" error={counts.error} testId="usage-counts">
            {org.licenses.length > 1 && (
              <Picker
                label="License"
                value={chartLicense}
                onChange={setLicenseChoice}
                options={org.licenses.map((l) => ({ id: l.licenseId, name: l.licenseName ?? l.licenseId }))}
              />
            )}
            {counts.data && chartLicense && (
              <UserCountChart rows={counts.data.data} licenseId={chartLicense} from={from} to={to} />
            )}
            <LicenseModes licenses={org.licenses} />
          </Part>
          <Part title="Denials (last 30 days)" error={denials.error} testId="usage-denials-card">
            {denials.data && <UsageDenials rows={denials.data.data} />}
          </Part>
          <Part title="Peak concurrency" error={peaks.error} testId="usage-peaks">
            {peaks.data && <PeakConcurrency peaks={peaks.data} />}
          </Part>
          <Part title="License servers" error={servers.error} testId="usage-servers">
            {servers.data && <LicenseServers servers={servers.data.data} />}
          </Part>
          <Part title="Harvesting agents" error={agents.error} testId="usage-agents">
            {agents.data && <Agents grid={agents.data} />}
          </Part>
        </div>
      )}
    </>
  );
}
