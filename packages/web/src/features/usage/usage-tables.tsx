// The tables of the usage page: each license's mode, denials by feature and by user, peak concurrency
// per feature, license servers with their status, and harvesting agents with the Harvest column.
import type {
  AgentsGrid,
  DenialDay,
  LicenseCompliance,
  LicenseServerStatus,
} from '../../api/compliance-endpoints.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { CountTable } from '../../ui/count-table.tsx';
import { EmptyState } from '../../ui/feedback.tsx';
import { formatDateTime, shortId } from '../../ui/format.ts';
import { denialsBy, MODE_LABELS } from './usage-format.ts';

export function LicenseModes(props: { licenses: readonly LicenseCompliance[] }) {
  if (props.licenses.length === 0) return <EmptyState>No active license.</EmptyState>;
  return (
    <table className="table table-compact" data-testid="license-modes">
      <thead>
        <tr>
          <th>License</th>
          <th>Mode</th>
          <th>Counted users</th>
          <th>Limit</th>
          <th>Since</th>
        </tr>
      </thead>
      <tbody>
        {props.licenses.map((l) => (
          <tr key={l.licenseId} data-testid="license-mode-row" data-mode={l.mode}>
            <td title={l.licenseId}>{l.licenseName ?? shortId(l.licenseId)}</td>
            <td title={l.title}>{MODE_LABELS[l.mode]}</td>
            <td>{l.countedUsers}</td>
            <td>
              {l.userLimit ?? 'unlimited'}
              {l.extension && <span className="badge badge-info badge-inline">extended</span>}
            </td>
            <td>{formatDateTime(l.since)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// A denial counts once per user, feature and day; attempts are the raw events, retries included.
const DENIAL_COLUMNS = [
  { label: 'Denials', title: 'One per user, feature and day' },
  { label: 'Attempts', title: 'Raw DENIED events, retries included' },
] as const;

function DenialTotals(props: { rows: readonly DenialDay[]; by: 'feature' | 'user'; testId: string }) {
  const totals = denialsBy(props.rows, props.by);
  return (
    <CountTable
      title={`Denials by ${props.by}`}
      nameLabel={props.by}
      columns={DENIAL_COLUMNS}
      rows={totals.map((row) => ({ name: row.name, counts: [row.distinct, row.raw] }))}
      empty="No denials."
      testId={props.testId}
      rowTestId="usage-denial-row"
    />
  );
}

export function UsageDenials(props: { rows: readonly DenialDay[] }) {
  return (
    <div className="detail-grid" data-testid="usage-denials">
      <DenialTotals rows={props.rows} by="feature" testId="denials-by-feature" />
      <DenialTotals rows={props.rows} by="user" testId="usage-denials-by-user" />
    </div>
  );
}

export function PeakConcurrency(props: {
  peaks: readonly { feature: string; peak: number; seats: number | null }[];
}) {
  if (props.peaks.length === 0) return <EmptyState>No floating usage in the last 30 days.</EmptyState>;
  return (
    <BarChart
      title="Peak concurrency per feature (last 30 days)"
      unit="seats"
      data={props.peaks.map((p) => ({ label: p.feature, value: p.peak }))}
      height={200}
      testId="peak-concurrency-chart"
    />
  );
}

const STATUS_CLASS = {
  ONLINE: 'status status-active',
  OFFLINE: 'status status-expired',
  ERROR: 'status status-revoked',
};

export function LicenseServers(props: { servers: readonly LicenseServerStatus[] }) {
  if (props.servers.length === 0) return <EmptyState>No monitored license server.</EmptyState>;
  return (
    <table className="table table-compact" data-testid="license-server-status">
      <thead>
        <tr>
          <th>Server</th>
          <th>Status</th>
          <th>Version</th>
          <th>Last heard from</th>
          <th>Detail</th>
        </tr>
      </thead>
      <tbody>
        {props.servers.map((s) => (
          <tr key={s.id} data-testid="license-server-row" data-status={s.status}>
            <td>{s.name}</td>
            <td>
              <span className={STATUS_CLASS[s.status]}>{s.status}</span>
            </td>
            <td>{s.version ?? '—'}</td>
            <td>{formatDateTime(s.lastSeenAt)}</td>
            <td>
              {s.detail}
              {s.remedy.length > 0 && <div className="fine-print">{s.remedy.join(' ')}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Agents(props: { grid: AgentsGrid }) {
  const { data, harvesting } = props.grid;
  return (
    <div>
      <p className="muted" data-testid="agents-summary">
        Plan {harvesting.plan}:{' '}
        {harvesting.harvestingIncluded ? 'harvesting included' : 'harvesting not included'}
        {harvesting.harvestingIncluded &&
          ` — ${harvesting.licensed} of ${harvesting.agentLimit ?? 'unlimited'} harvesting licenses in use`}
        .
      </p>
      {data.length === 0 ? (
        <EmptyState>No harvesting agent has registered.</EmptyState>
      ) : (
        <table className="table table-compact" data-testid="agents-grid">
          <thead>
            <tr>
              <th>Host</th>
              <th>Harvest</th>
              <th>Group</th>
              <th>Last report</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.id} data-testid="agent-row" data-harvest={a.harvest}>
                <td>{a.host}</td>
                <td data-testid="agent-harvest">{a.harvestLabel}</td>
                <td>{a.harvestingGroupId ? shortId(a.harvestingGroupId) : '—'}</td>
                <td>{formatDateTime(a.lastReportAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
