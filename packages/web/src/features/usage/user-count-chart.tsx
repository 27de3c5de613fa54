// Counted users over time against the user limit (the line chart of the usage page): one point per
// day for the chosen license, the limit as a dashed line and the 125% ceiling named in the summary.
import type { UserCountDay } from '../../api/compliance-endpoints.ts';
import { niceMax } from '../../ui/charts/chart-scale.ts';
import { LineChart } from '../../ui/charts/line-chart.tsx';
import { countSeries } from './usage-format.ts';

export function UserCountChart(props: {
  rows: readonly UserCountDay[];
  licenseId: string;
  from: string;
  to: string;
}) {
  const points = countSeries(props.rows, props.licenseId, props.from, props.to);
  const limit = points.at(-1)?.limit ?? null;
  const ceiling = limit === null ? null : Math.floor((limit * 5) / 4);
  const largest = Math.max(0, ...points.map((p) => p.counted), ceiling ?? 0);
  return (
    <div data-testid="user-count-chart" data-points={points.length} data-limit={limit ?? ''}>
      <LineChart
        title={`Counted users (last 30 days) per day${limit !== null ? ` against the limit of ${limit}` : ''}`}
        unit="users"
        yMax={niceMax(largest)}
        series={[
          { name: 'Counted users', points: points.map((p) => ({ label: p.day.slice(5), value: p.counted })) },
        ]}
        {...(limit !== null ? { threshold: { value: limit, label: `limit ${limit}` } } : {})}
      />
    </div>
  );
}
