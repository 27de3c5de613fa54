// Denials of floating check-outs grouped by feature, user and department: who went without a seat.
import type { FloatingUsageRecord } from './usage-record.ts';

export interface DenialCount {
  /** The feature, user or department; null for denials whose requester gave no department. */
  key: string | null;
  denials: number;
  /** Distinct users denied within the group. */
  users: number;
}

export interface DenialBreakdown {
  byFeature: DenialCount[];
  byUser: DenialCount[];
  byDepartment: DenialCount[];
}

/** Most denials first, then by key (nulls last), so equal counts read in a stable order. */
export function compareDenialCounts(a: DenialCount, b: DenialCount): number {
  if (a.denials !== b.denials) return b.denials - a.denials;
  if (a.key === b.key) return 0;
  if (a.key === null) return 1;
  if (b.key === null) return -1;
  return a.key < b.key ? -1 : 1;
}

function group(
  denied: readonly FloatingUsageRecord[],
  keyOf: (r: FloatingUsageRecord) => string | null,
  limit: number,
): DenialCount[] {
  const groups = new Map<string | null, { denials: number; users: Set<string> }>();
  for (const r of denied) {
    const key = keyOf(r);
    const g = groups.get(key) ?? { denials: 0, users: new Set<string>() };
    g.denials++;
    g.users.add(r.user);
    groups.set(key, g);
  }
  return [...groups]
    .map(([key, g]) => ({ key, denials: g.denials, users: g.users.size }))
    .sort(compareDenialCounts)
    .slice(0, limit);
}

/**
 * Counts DENIED records (every other kind is ignored) per feature, user and department, most denied
 * first, keeping the top `limit` of each (default 50). Each denial counts once whatever seat count it
 * asked for: the question answered is "how often did someone go without".
 * @example
 * denialBreakdown(records).byUser[0]; // { key: 'alice', denials: 12, users: 1 }
 */
export function denialBreakdown(
  records: readonly FloatingUsageRecord[],
  options: { limit?: number } = {},
): DenialBreakdown {
  const limit = options.limit ?? 50;
  const denied = records.filter((r) => r.kind === 'DENIED');
  return {
    byFeature: group(denied, (r) => r.feature, limit),
    byUser: group(denied, (r) => r.user, limit),
    byDepartment: group(denied, (r) => r.department ?? null, limit),
  };
}
