// License server status as compliance sees it: the core rule (ONLINE / OFFLINE / ERROR, and OFFLINE
// with data skipped for a server updated past the maintenance end) applied to the stored facts.
// The usage import asks `licenseServerAcceptsData` before storing a server's events.
import { licenseServerStatus, type ServerStatusView } from '@licentia/core';
import {
  complianceFactsRepository,
  type LicenseServerFactsRow,
  licenseServerFactsRepository,
  type Schema,
} from '@licentia/db';
import type { Kysely } from 'kysely';

type OrgScope = { accountId: string; organizationId: string };

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function licenseServerView(row: LicenseServerFactsRow, maintenanceEndsAt: Date | null, now: Date) {
  const view: ServerStatusView = licenseServerStatus(
    {
      enabled: row.enabled,
      lastSeenAt: row.lastPolledAt,
      lastErrorAt: row.lastErrorAt,
      lastError: row.lastError,
      version: row.version,
      versionReleasedAt: row.versionReleasedAt,
    },
    maintenanceEndsAt,
    now,
  );
  return {
    id: row.id,
    name: row.name,
    hosts: row.hosts,
    enabled: row.enabled,
    version: row.version,
    versionReleasedAt: iso(row.versionReleasedAt),
    lastSeenAt: iso(row.lastPolledAt),
    lastErrorAt: iso(row.lastErrorAt),
    status: view.status,
    reason: view.reason,
    acceptsData: view.acceptsData,
    detail: view.detail,
    remedy: [...view.remedy],
  };
}

export type LicenseServerStatusView = ReturnType<typeof licenseServerView>;

/** Every license server of the organization with its status at `now`. */
export async function licenseServerViews(
  db: Kysely<Schema>,
  scope: OrgScope,
  now: Date,
): Promise<{ maintenanceEndsAt: Date | null; servers: LicenseServerStatusView[] }> {
  const maintenanceEndsAt = await complianceFactsRepository.maintenanceEnd(
    db,
    scope.accountId,
    scope.organizationId,
  );
  const rows = await licenseServerFactsRepository.list(db, scope);
  return { maintenanceEndsAt, servers: rows.map((row) => licenseServerView(row, maintenanceEndsAt, now)) };
}

/**
 * Whether new usage data of a license server is to be stored: false (with the reason) for a disabled
 * server and for one updated to a version released after the maintenance end. Unknown servers: true
 * (the import decides what an unknown server means).
 */
export async function licenseServerAcceptsData(
  db: Kysely<Schema>,
  scope: OrgScope,
  licenseServerId: string,
  now: Date,
): Promise<{ accepts: boolean; reason: string; detail: string }> {
  const row = await licenseServerFactsRepository.get(db, scope, licenseServerId);
  if (!row) return { accepts: true, reason: 'UNKNOWN', detail: 'no such license server' };
  const maintenanceEndsAt = await complianceFactsRepository.maintenanceEnd(
    db,
    scope.accountId,
    scope.organizationId,
  );
  const view = licenseServerView(row, maintenanceEndsAt, now);
  return { accepts: view.acceptsData, reason: view.reason, detail: view.detail };
}
