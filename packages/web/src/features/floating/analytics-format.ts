// Labels of the analytics page: UTC bucket names for chart axes and human queue-wait durations.
import type { AnalyticsBucket } from '../../api/floating-endpoints.ts';

const hourLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' });
const dayLabel = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/**
 * A bucket's axis label in UTC (buckets are UTC hours and days): `14:00` or `2 Mar`.
 * @example bucketLabel('2026-03-02T14:00:00.000Z', 'hour') // '14:00'
 */
export function bucketLabel(iso: string, bucket: AnalyticsBucket): string {
  const date = new Date(iso);
  return (bucket === 'hour' ? hourLabel : dayLabel).format(date);
}

/**
 * A wait as people say it: `850 ms`, `12.5 s`, `3 min 20 s`, `1 h 5 min`.
 * @example formatWait(200_000) // '3 min 20 s'
 */
export function formatWait(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Math.round(ms / 100) / 10} s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    const seconds = totalSeconds % 60;
    return `${Math.floor(totalSeconds / 60)} min${seconds ? ` ${seconds} s` : ''}`;
  }
  const minutes = Math.floor(totalSeconds / 60) % 60;
  return `${Math.floor(totalSeconds / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}
