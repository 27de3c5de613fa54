// Validation traffic as realtime usage: a validation that names a user is a sighting of that user.
// Written by the validation recorder's batch (never in the request path), at most one VALIDATED event
// per (license, user, feature, UTC day) — the day is all the 30-day count needs, and a license
// validated every minute must not become a million rows.
import type { Schema } from '@licentia/db';
import type { Kysely } from 'kysely';
import { type RealtimeUsageEvent, recordRealtimeUsageBatch } from './realtime-usage.ts';

/** One validation outcome that named a user. */
export interface ValidationSighting {
  accountId: string;
  organizationId: string;
  licenseId: string;
  user: string;
  feature: string | null;
  fingerprint: string | null;
  version: string | null;
  at: Date;
}

/**
 * Records the sightings, one transaction per organization; returns how many events were new.
 * @example
 * await recordValidationUsage(db, [{ accountId, organizationId, licenseId, user: 'jdoe', feature: null,
 *   fingerprint, version: '2.1', at }]);
 */
export async function recordValidationUsage(
  db: Kysely<Schema>,
  sightings: readonly ValidationSighting[],
): Promise<number> {
  const byOrg = new Map<string, { accountId: string; events: RealtimeUsageEvent[] }>();
  for (const s of sightings) {
    const day = s.at.toISOString().slice(0, 10);
    const entry = byOrg.get(s.organizationId) ?? { accountId: s.accountId, events: [] };
    entry.events.push({
      eventId: JSON.stringify(['validation', s.licenseId, s.user, s.feature ?? '', day]),
      kind: 'VALIDATED',
      feature: s.feature ?? '',
      user: s.user,
      host: s.fingerprint ?? '',
      occurredAt: s.at,
      licenseId: s.licenseId,
      version: s.version,
    });
    byOrg.set(s.organizationId, entry);
  }
  let inserted = 0;
  for (const [organizationId, { accountId, events }] of byOrg) {
    inserted += await db
      .transaction()
      .execute((trx) => recordRealtimeUsageBatch(trx, accountId, organizationId, events));
  }
  return inserted;
}
