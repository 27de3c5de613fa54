// The tabular parts of floating analytics: denials by feature (with a bar chart), user and department,
// and queue wait statistics per feature.
import type { FloatingAnalytics } from '../../api/floating-endpoints.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { CountTable } from '../../ui/count-table.tsx';
import { EmptyState } from '../../ui/feedback.tsx';
import { formatWait } from './analytics-format.ts';

const DENIAL_COLUMNS = [{ label: 'Denials' }, { label: 'Users' }] as const;

function DenialCounts(props: {
  by: 'user' | 'department';
  rows: readonly { name: string; denials: number; users: number }[];
  testId: string;
}) {
  return (
    <CountTable
      title={`Denials by ${props.by}`}
      nameLabel={props.by}
      columns={DENIAL_COLUMNS}
      rows={props.rows.map((row) => ({ name: row.name, counts: [row.denials, row.users] }))}
      empty="No denials."
      testId={props.testId}
      rowTestId="denial-row"
    />
  );
}

export function DenialTables(props: { denials: FloatingAnalytics['denials'] }) {
  const { byFeature, byUser, byDepartment } = props.denials;
  return (
    <div className="detail-grid" data-testid="floating-denials">
      <BarChart
        title="Denials by feature"
        unit="denials"
        data={byFeature.map((d) => ({ label: d.feature, value: d.denials }))}
        height={180}
        testId="denials-chart"
      />
      <DenialCounts by="user" rows={byUser.map((d) => ({ ...d, name: d.user }))} testId="denials-by-user" />
      <DenialCounts
        by="department"
        rows={byDepartment.map((d) => ({ ...d, name: d.department ?? '(none)' }))}
        testId="denials-by-department"
      />
    </div>
  );
}

export function QueueWaitTable(props: { rows: FloatingAnalytics['queueWait'] }) {
  return (
    <div className="section-gap">
      <h3 className="card-title">Queue waits</h3>
      <table className="table table-compact" data-testid="queue-waits">
        <thead>
          <tr>
            <th>Feature</th>
            <th>Queued</th>
            <th>Served</th>
            <th>Median wait</th>
            <th>90th percentile</th>
            <th>Longest</th>
            <th>Gave up</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.feature} data-testid="queue-wait-row">
              <td className="mono">{row.feature}</td>
              <td>{row.queued}</td>
              <td>{row.count}</td>
              <td>{formatWait(row.p50Ms)}</td>
              <td>{formatWait(row.p90Ms)}</td>
              <td>{formatWait(row.maxMs)}</td>
              <td>{row.abandoned}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 && <EmptyState>Nobody queued in this window.</EmptyState>}
    </div>
  );
}
