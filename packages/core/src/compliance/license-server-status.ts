// The status of a monitored license server (ONLINE / OFFLINE / ERROR) and whether its data is taken,
// including E4's rule: a server updated to a version released after the maintenance end is OFFLINE
// and its new data is skipped.
import { SERVER_AFTER_MAINTENANCE_REMEDY } from './remedies.ts';

export const LICENSE_SERVER_STATUSES = ['ONLINE', 'OFFLINE', 'ERROR'] as const;
export type LicenseServerStatus = (typeof LICENSE_SERVER_STATUSES)[number];

export type LicenseServerStatusReason =
  | 'RESPONDING'
  | 'UPDATED_AFTER_MAINTENANCE'
  | 'DISABLED'
  | 'NEVER_CONTACTED'
  | 'NOT_RESPONDING'
  | 'POLL_FAILED';

export interface LicenseServerFacts {
  enabled: boolean;
  /** Last successful query (poll, snapshot, import); null = never. */
  lastSeenAt: Date | null;
  /** Last failed query and its message; null = none. */
  lastErrorAt: Date | null;
  lastError: string | null;
  /** The version the server reports and that version's release date, when known. */
  version: string | null;
  versionReleasedAt: Date | null;
}

export interface ServerStatusView {
  status: LicenseServerStatus;
  reason: LicenseServerStatusReason;
  /** False: new data from this server is skipped (and the import reports why). */
  acceptsData: boolean;
  detail: string;
  remedy: readonly string[];
}

/** Default: a server not heard from for 15 minutes is OFFLINE. */
export const SERVER_STALE_AFTER_MS = 15 * 60_000;

/**
 * The status at `now` with the organization's maintenance end (null = no maintenance gating). Order:
 * updated after maintenance → OFFLINE (data skipped); disabled → OFFLINE (data skipped); never seen →
 * OFFLINE; last query failed → ERROR; silent for longer than `staleAfterMs` → OFFLINE; else ONLINE.
 * @example licenseServerStatus({ ...server, versionReleasedAt: afterEnd }, maintenanceEnd, now).status // 'OFFLINE'
 */
export function licenseServerStatus(
  server: LicenseServerFacts,
  maintenanceEndsAt: Date | null,
  now: Date,
  staleAfterMs = SERVER_STALE_AFTER_MS,
): ServerStatusView {
  const released = server.versionReleasedAt;
  if (released && maintenanceEndsAt && released.getTime() > maintenanceEndsAt.getTime()) {
    return {
      status: 'OFFLINE',
      reason: 'UPDATED_AFTER_MAINTENANCE',
      acceptsData: false,
      detail:
        `version ${server.version ?? '?'} was released ${released.toISOString()}, after maintenance ` +
        `ended ${maintenanceEndsAt.toISOString()}: its data is skipped`,
      remedy: SERVER_AFTER_MAINTENANCE_REMEDY,
    };
  }
  const view = (status: LicenseServerStatus, reason: LicenseServerStatusReason, detail: string) => ({
    status,
    reason,
    acceptsData: reason !== 'DISABLED',
    detail,
    remedy: [],
  });
  if (!server.enabled) return view('OFFLINE', 'DISABLED', 'monitoring is disabled: its data is skipped');
  const seen = server.lastSeenAt;
  const failed = server.lastErrorAt;
  if (failed && (!seen || failed.getTime() > seen.getTime()))
    return view('ERROR', 'POLL_FAILED', server.lastError ?? 'the last query failed');
  if (!seen) return view('OFFLINE', 'NEVER_CONTACTED', 'no data received yet');
  if (now.getTime() - seen.getTime() > staleAfterMs)
    return view('OFFLINE', 'NOT_RESPONDING', `last heard from at ${seen.toISOString()}`);
  return view('ONLINE', 'RESPONDING', `last heard from at ${seen.toISOString()}`);
}
