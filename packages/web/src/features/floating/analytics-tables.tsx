// The tabular parts of floating analytics: denials by feature (with a bar chart), user and department,
// and queue wait statistics per feature.
import type { FloatingAnalytics } from '../../api/floating-endpoints.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { EmptyState } from '../../ui/feedback.tsx';
import { formatWait } from './analytics-format.ts';

function CountTable(props: {
  title: string;
  rows: { key: string; denials: number; users: number }[];
  testId: string;
}) {
  return (
    <div>
      <h3 className="card-title">{props.title}</h3>
      <table className="table table-compact" data-testid={props.testId}>
        <thead>
          <tr>
            <th>{props.title.replace('Denials by ', '')}</th>
            <th>Denials</th>
            <th>Users</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.key} data-testid="denial-row">
              <td>{row.key}</td>
              <td>{row.denials}</td>
              <td>{row.users}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 && <EmptyState>No denials.</EmptyState>}
    </div>
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
      <CountTable
        title="Denials by user"
        rows={byUser.map((d) => ({ ...d, key: d.user }))}
        testId="denials-by-user"
      />
      <CountTable
        title="Denials by department"
        rows={byDepartment.map((d) => ({ ...d, key: d.department ?? '(none)' }))}
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
