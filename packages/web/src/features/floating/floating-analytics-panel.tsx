// Usage analytics of one floating license: peak concurrency per hour or day against the seats,
// utilization over time, denials by feature, user and department, and queue waits.
import { useState } from 'react';
import type { AnalyticsBucket, FloatingAnalytics } from '../../api/floating-endpoints.ts';
import { BarChart } from '../../ui/charts/bar-chart.tsx';
import { LineChart } from '../../ui/charts/line-chart.tsx';
import { ErrorBanner } from '../../ui/feedback.tsx';
import { codeOptions, Picker } from '../../ui/select-field.tsx';
import { useResource } from '../../ui/use-resource.ts';
import { useSignedIn } from '../auth/session.tsx';
import { bucketLabel } from './analytics-format.ts';
import { DenialTables, QueueWaitTable } from './analytics-tables.tsx';

const ANALYTICS_REFRESH_MS = 30_000;
const WINDOW_LABEL: Record<AnalyticsBucket, string> = { hour: 'last 24 hours', day: 'last 30 days' };
const BUCKETS: { id: AnalyticsBucket; name: string }[] = [
  { id: 'hour', name: 'Hour' },
  { id: 'day', name: 'Day' },
];

function featuresOf(data: FloatingAnalytics | undefined): string[] {
  const names = new Set([...(data?.current ?? []), ...(data?.peaks ?? [])].map((p) => p.feature));
  return [...names].sort();
}

export function FloatingAnalyticsPanel(props: { accountId: string; licenseId: string; version: number }) {
  const { api } = useSignedIn();
  const { accountId, licenseId } = props;
  const [bucket, setBucket] = useState<AnalyticsBucket>('hour');
  const [chosenFeature, setFeature] = useState('');
  const analytics = useResource(
    () => api.floatingAnalytics(accountId, { licenseId, bucket }),
    `floating-analytics:${accountId}:${licenseId}:${bucket}:${props.version}`,
    { refreshMs: ANALYTICS_REFRESH_MS },
  );
  const data = analytics.data;
  const features = featuresOf(data);
  const feature = features.includes(chosenFeature) ? chosenFeature : (features[0] ?? '');
  const peaks = (data?.peaks ?? []).filter((p) => p.feature === feature);
  const seats = data?.current.find((p) => p.feature === feature)?.seats ?? peaks[0]?.seats ?? null;
  const used = data?.utilization ?? [];

  return (
    <section className="card" data-testid="floating-analytics">
      <div className="filters" style={{ justifyContent: 'space-between' }}>
        <h2 className="card-title" style={{ margin: 0 }}>
          Usage · {WINDOW_LABEL[bucket]} (UTC)
        </h2>
        <div style={{ display: 'flex', gap: 12 }}>
          <Picker
            label="Feature"
            value={feature}
            onChange={setFeature}
            options={codeOptions(features)}
            placeholder={features.length === 0 ? 'No features yet' : undefined}
            testId="analytics-feature"
          />
          <Picker
            label="By"
            value={bucket}
            onChange={setBucket}
            options={BUCKETS}
            testId="analytics-bucket"
          />
        </div>
      </div>
      <ErrorBanner error={analytics.error} />
      <div className="detail-grid" style={{ marginTop: 0 }}>
        <BarChart
          title={`Peak concurrency of ${feature || '—'} by ${bucket}`}
          unit="seats"
          data={peaks.map((p) => ({ label: bucketLabel(p.bucketStart, bucket), value: p.peak }))}
          {...(seats !== null ? { threshold: { value: seats, label: `${seats} seats` } } : {})}
          testId="peak-chart"
        />
        <div>
          <LineChart
            title={`Utilization by ${bucket}`}
            unit="%"
            yMax={100}
            threshold={{ value: 80, label: '80%' }}
            series={used.map((u) => ({
              name: u.feature,
              points: u.series.map((s) => ({ label: bucketLabel(s.bucketStart, bucket), value: s.percent })),
            }))}
            testId="utilization-chart"
          />
          <ul className="chips" aria-label="Utilization over the window" style={{ marginTop: 8 }}>
            {used.map((u) => (
              <li key={u.feature} className="chip" data-testid="utilization-total" data-feature={u.feature}>
                {u.feature}: {u.percent}% ({u.seatHoursUsed} of {u.seatHoursAvailable} seat-hours)
              </li>
            ))}
          </ul>
        </div>
      </div>
      {data && <DenialTables denials={data.denials} />}
      {data && <QueueWaitTable rows={data.queueWait} />}
    </section>
  );
}
