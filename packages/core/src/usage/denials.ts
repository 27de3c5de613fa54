// The denial views: raw DENIED events deduplicated per (user, feature, UTC day), and "true" denials.
import type { UsageEvent } from './usage-event.ts';

/** Options shared by the user-name based views. */
export interface UsernameOptions {
  /** Compare user names with case (default false: "JDoe" and "jdoe" are one user). */
  caseSensitive?: boolean;
}

/**
 * The form user names are counted in: trimmed, inner whitespace collapsed to one space, lower-cased
 * unless `caseSensitive`.
 * @example
 * normalizeUsername('  José  Juan ');             // 'josé juan'
 * normalizeUsername('JDoe', { caseSensitive: true }); // 'JDoe'
 */
export function normalizeUsername(name: string, { caseSensitive = false }: UsernameOptions = {}): string {
  const collapsed = name.trim().replace(/\s+/g, ' ');
  return caseSensitive ? collapsed : collapsed.toLowerCase();
}

/** One (normalized user, feature, UTC day) with how many raw denials it stands for. */
export interface DistinctDenial {
  user: string;
  feature: string;
  /** UTC calendar day, 'YYYY-MM-DD'. */
  day: string;
  denials: number;
  first: Date;
  last: Date;
}

/**
 * Deduplicates DENIED events (other kinds are ignored; UNSUPPORTED is demand, not a capacity denial)
 * to one row per (normalized user, feature, UTC day), so a client's retry loop counts once. Rows are
 * sorted by day, feature, user.
 * @example
 * distinctDenials(events); // [{ user: 'qunw', feature: 'base', day: '2016-01-05', denials: 824, first, last }]
 */
export function distinctDenials(
  events: Iterable<UsageEvent>,
  options: UsernameOptions = {},
): DistinctDenial[] {
  const rows = new Map<string, DistinctDenial>();
  for (const e of events) {
    if (e.kind !== 'DENIED') continue;
    const user = normalizeUsername(e.user, options);
    const day = e.at.toISOString().slice(0, 10);
    const key = JSON.stringify([user, e.feature, day]);
    const row = rows.get(key);
    if (!row) rows.set(key, { user, feature: e.feature, day, denials: 1, first: e.at, last: e.at });
    else {
      row.denials++;
      if (e.at < row.first) row.first = e.at;
      if (e.at > row.last) row.last = e.at;
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      a.day.localeCompare(b.day) || a.feature.localeCompare(b.feature) || a.user.localeCompare(b.user),
  );
}

/**
 * DENIED events not followed by an OUT of the same (normalized) user and feature within
 * `withinMinutes` (default 5) at or after the denial: the user really went without a license.
 * Events may come in any order; the result keeps the input order of the denials.
 * @example
 * trueDenials(events, { withinMinutes: 10 }).length; // denials never satisfied by a retry
 */
export function trueDenials(
  events: Iterable<UsageEvent>,
  options: UsernameOptions & { withinMinutes?: number } = {},
): UsageEvent[] {
  const windowMs = (options.withinMinutes ?? 5) * 60_000;
  const outs = new Map<string, number[]>();
  const denials: UsageEvent[] = [];
  const keyOf = (e: UsageEvent) => JSON.stringify([normalizeUsername(e.user, options), e.feature]);
  for (const e of events) {
    if (e.kind === 'DENIED') denials.push(e);
    else if (e.kind === 'OUT') {
      const list = outs.get(keyOf(e)) ?? [];
      list.push(e.at.getTime());
      outs.set(keyOf(e), list);
    }
  }
  for (const list of outs.values()) list.sort((a, b) => a - b);
  return denials.filter((d) => {
    const list = outs.get(keyOf(d));
    if (!list) return true;
    const t = d.at.getTime();
    const i = firstAtOrAfter(list, t);
    return i === list.length || list[i]! > t + windowMs;
  });
}

function firstAtOrAfter(sorted: number[], t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
