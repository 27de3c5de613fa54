// The realtime usage source: our own floating-license traffic (and validations naming a user) written
// into the usage-event store inside the caller's transaction, so a checkout and its usage commit together.
import { normalizeUsername, type UsageKind } from '@licentia/core';
import { lockUsageShared, type Schema, usageEventRepository } from '@licentia/db';
import type { Kysely } from 'kysely';
import { usageDedupeKey } from './usage-dedupe-key.ts';

/** floating_events kinds that are not usage kinds, and the usage kind each is stored as. */
const FLOATING_KIND: Record<string, UsageKind> = {
  BORROW: 'OUT',
  HEARTBEAT_MISSED: 'IN',
  QUEUE_EXPIRED: 'DEQUEUED',
};

/** One realtime fact, e.g. a floating_events row. */
export interface RealtimeUsageEvent {
  /** Unique id of the source fact (floating_events.id): recording it twice stores it once. */
  eventId: string;
  /**
   * A usage kind, or a floating kind (BORROW → OUT, HEARTBEAT_MISSED → IN, QUEUE_EXPIRED → DEQUEUED),
   * or VALIDATED: a license validation that named the user (validation-usage.ts).
   */
  kind: UsageKind | 'BORROW' | 'HEARTBEAT_MISSED' | 'QUEUE_EXPIRED' | 'VALIDATED';
  feature: string;
  user: string;
  host: string;
  occurredAt: Date;
  count?: number;
  licenseId: string | null;
  version?: string | null;
  /** Check-in reason or denial code (for mapped floating kinds the floating kind is kept here). */
  reason?: string | null;
}

/**
 * Records realtime usage in the caller's transaction: the event, the user's last sighting and the
 * 30-day counters of the organization and the license. Returns true when the event was new.
 * Call it after the pool change, in the same transaction (two short statements; no pool-wide lock).
 * @example
 * await recordRealtimeUsage(trx, accountId, organizationId, { eventId: 'fev_…', kind: 'OUT',
 *   feature: 'CAD', user: 'jdoe', host: 'pc1', occurredAt, licenseId: 'lic_…' });
 */
export async function recordRealtimeUsage(
  trx: Kysely<Schema>,
  accountId: string,
  organizationId: string,
  event: RealtimeUsageEvent,
): Promise<boolean> {
  return (await recordRealtimeUsageBatch(trx, accountId, organizationId, [event])) > 0;
}

/** The same for several events of one organization (e.g. a batch of expired leases); returns how many were new. */
export async function recordRealtimeUsageBatch(
  trx: Kysely<Schema>,
  accountId: string,
  organizationId: string,
  events: readonly RealtimeUsageEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const caseSensitive = await lockUsageShared(trx, organizationId);
  const rows = events.map((e) => {
    const mapped = FLOATING_KIND[e.kind];
    return {
      source: 'REALTIME' as const,
      kind: mapped ?? e.kind,
      feature: e.feature,
      username: e.user,
      usernameKey: normalizeUsername(e.user, { caseSensitive }),
      host: e.host,
      occurredAt: e.occurredAt,
      count: e.count ?? 1,
      licenseServerId: null,
      licenseId: e.licenseId,
      version: e.version ?? null,
      reason: mapped ? [e.kind, e.reason].filter(Boolean).join(': ') : (e.reason ?? null),
      dedupeKey: usageDedupeKey('REALTIME', e.eventId),
    };
  });
  return usageEventRepository.insertBatch(trx, accountId, organizationId, rows);
}
