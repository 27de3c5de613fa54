// Pure shaping of the usage page's data: the counted-users series filled day by day, denials summed
// by feature and by user, peak concurrency per feature, and how each mode is named and coloured.
import type { ComplianceMode, DenialDay, UserCountDay } from '../../api/compliance-endpoints.ts';
import type { FloatingAnalytics } from '../../api/floating-endpoints.ts';

export const MODE_LABELS: Record<ComplianceMode, string> = {
  NORMAL: 'Normal',
  GRACE: 'Grace period',
  LIGHT_RESTRICTED: 'Light restricted',
  RESTRICTED: 'Restricted',
};

/** The banner tone of a mode: a class suffix of `.alert` (styles.css). */
export function modeTone(mode: ComplianceMode): 'success' | 'warning' | 'error' {
  return mode === 'NORMAL' ? 'success' : mode === 'GRACE' ? 'warning' : 'error';
}

const DAY_MS = 86_400_000;

/** Every UTC day from `from` to `to` (YYYY-MM-DD, both included). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end && out.length < 400; t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export interface CountPoint {
  day: string;
  counted: number;
  limit: number | null;
}

/**
 * One point per day for one license: days without an evaluation carry the previous day's values
 * forward (counts only change when usage arrives), days before the first evaluation are 0.
 * @example countSeries([{ licenseId: 'l', day: '2025-01-02', countedUsers: 4, userLimit: 5, mode: 'NORMAL' }], 'l', '2025-01-01', '2025-01-03')
 * // → [{ day: '2025-01-01', counted: 0, limit: null }, { day: '2025-01-02', counted: 4, limit: 5 }, { day: '2025-01-03', counted: 4, limit: 5 }]
 */
export function countSeries(
  rows: readonly UserCountDay[],
  licenseId: string,
  from: string,
  to: string,
): CountPoint[] {
  const byDay = new Map(rows.filter((r) => r.licenseId === licenseId).map((r) => [r.day, r]));
  let last: CountPoint | null = null;
  return daysBetween(from, to).map((day) => {
    const row = byDay.get(day);
    const point: CountPoint = row
      ? { day, counted: row.countedUsers, limit: row.userLimit }
      : { day, counted: last?.counted ?? 0, limit: last?.limit ?? null };
    last = point;
    return point;
  });
}

export interface DenialTotal {
  name: string;
  /** Deduplicated denials (one per user, feature and day). */
  distinct: number;
  /** Raw DENIED events behind them. */
  raw: number;
}

/** Denials summed by feature or by user, most first (ties by name). */
export function denialsBy(rows: readonly DenialDay[], key: 'feature' | 'user'): DenialTotal[] {
  const totals = new Map<string, DenialTotal>();
  for (const row of rows) {
    const total = totals.get(row[key]) ?? { name: row[key], distinct: 0, raw: 0 };
    total.distinct += 1;
    total.raw += row.denials;
    totals.set(row[key], total);
  }
  return [...totals.values()].sort((a, b) => b.distinct - a.distinct || (a.name < b.name ? -1 : 1));
}

/** The highest concurrency of each feature over the analytics of several licenses, with its seats. */
export function peaksByFeature(
  analytics: readonly Pick<FloatingAnalytics, 'peaks'>[],
): { feature: string; peak: number; seats: number | null }[] {
  const best = new Map<string, { feature: string; peak: number; seats: number | null }>();
  for (const a of analytics) {
    for (const p of a.peaks) {
      const seen = best.get(p.feature);
      if (!seen || p.peak > seen.peak)
        best.set(p.feature, { feature: p.feature, peak: p.peak, seats: p.seats });
    }
  }
  return [...best.values()].sort((a, b) => (a.feature < b.feature ? -1 : 1));
}
