// Recomputes one license's compliance mode inside the caller's transaction: gathers the facts (the
// 30-day user count of usage monitoring, software versions seen in validations, the oldest usage
// data, the license's dates and terms), runs the core mode machine, stores the result and audits a
// transition with its remedy. Used on demand by routes and by the periodic ticker.
import {
  addIsoDuration,
  type ComplianceMode,
  type ComplianceReason,
  type ComplianceStatus,
  type ComplianceTransition,
  evaluateCompliance,
  highestVersion,
  type LicenseProblem,
  licenseProblems,
  type SoftwareInUse,
} from '@licentia/core';
import {
  type ComplianceRow,
  complianceFactsRepository,
  complianceRepository,
  licenseSnapshotRepository,
  type Schema,
  usageQueryRepository,
} from '@licentia/db';
import type { Transaction } from 'kysely';
import type { AuditEntry } from '../http/context.ts';
import { type Snapshot, toSnapshot } from '../licensing/license-snapshot.ts';

const WINDOW_MS = 30 * 86_400_000;
const OVERLAP_MS = 5 * 60_000;

export type Audit = (entry: AuditEntry) => Promise<void>;

export interface LicenseCompliance {
  licenseId: string;
  organizationId: string;
  status: ComplianceStatus;
  transition: ComplianceTransition | null;
  row: ComplianceRow;
}

/** The highest semantic version among the stored one (while still recent) and the new sightings. */
async function softwareInUse(
  trx: Transaction<Schema>,
  snapshot: Snapshot,
  row: ComplianceRow,
  now: Date,
): Promise<{ software: SoftwareInUse | null; seenAt: Date | null }> {
  const fresh = row.softwareSeenAt && now.getTime() - row.softwareSeenAt.getTime() < WINDOW_MS;
  // Validation history is written in batches, a moment after the fact: re-read a little overlap.
  const since = new Date((row.evaluatedAt?.getTime() ?? now.getTime() - WINDOW_MS) - OVERLAP_MS);
  const seen = await complianceFactsRepository.versionsSince(
    trx,
    snapshot.accountId,
    snapshot.licenseId,
    since,
    now,
  );
  const newest = highestVersion(seen);
  const kept = fresh ? row.softwareVersion : null;
  const version = highestVersion([kept, newest]);
  // A version seen again now restarts its 30 days; one only remembered keeps its last sighting.
  const seenAt = version !== null && version === newest ? now : fresh ? row.softwareSeenAt : null;
  if (!version) return { software: null, seenAt: null };
  const release = snapshot.core.releases.find((r) => r.version === version);
  return { software: { version, releasedAt: release?.releasedAt ?? null }, seenAt };
}

/** The instant the license stops being valid: its expiry, after the policy's expiry grace (not for trials). */
function validUntil(snapshot: Snapshot): Date | null {
  const { license, terms } = snapshot.core;
  if (!license.expiresAt) return null;
  if (license.model === 'TRIAL' || !terms.gracePeriodIso) return license.expiresAt;
  return addIsoDuration(license.expiresAt, terms.gracePeriodIso);
}

/** Evaluate `licenseId` at `now`; undefined when the account has no such license. */
export async function evaluateLicenseCompliance(
  trx: Transaction<Schema>,
  accountId: string,
  licenseId: string,
  now: Date,
  audit: Audit,
): Promise<LicenseCompliance | undefined> {
  const found = await licenseSnapshotRepository.findById(trx, accountId, licenseId);
  if (!found) return undefined;
  const snapshot = toSnapshot(found);
  const { license, terms } = snapshot.core;
  const row = await complianceRepository.lock(
    trx,
    accountId,
    { id: licenseId, organizationId: license.organizationId },
    now,
  );
  const { software, seenAt } = await softwareInUse(trx, snapshot, row, now);
  const scopeLicense = row.countScope === 'LICENSE' ? licenseId : undefined;
  const countedUsers = await usageQueryRepository.countUsers(trx, license.organizationId, now, scopeLicense);
  const isTrial = license.model === 'TRIAL';
  const earliestUsageAt = isTrial
    ? await complianceFactsRepository.earliestUsageAt(trx, accountId, license.organizationId)
    : null;
  const problems: LicenseProblem[] = licenseProblems(
    {
      model: license.model,
      expiresAt: validUntil(snapshot),
      maintenanceEndsAt: license.maintenanceEndsAt,
      versionRange: terms.versionRange,
      software,
      trialStartedAt: isTrial ? (license.trialActivatedAt ?? license.startsAt) : null,
      earliestUsageAt,
    },
    now,
  );
  const previous = row.evaluatedAt
    ? {
        mode: row.mode as ComplianceMode,
        reason: row.reason as ComplianceReason,
        since: row.since,
        graceStartedAt: row.graceStartedAt,
      }
    : null;
  const extension =
    row.extensionUserLimit !== null && row.extensionUntil !== null
      ? { userLimit: row.extensionUserLimit, until: row.extensionUntil }
      : null;
  const { state, status, transition } = evaluateCompliance(
    previous,
    { userLimit: terms.maxUsers, countedUsers, extension, gracePeriodDays: row.gracePeriodDays, problems },
    now,
  );
  await complianceRepository.saveEvaluation(trx, accountId, licenseId, {
    ...state,
    countedUsers,
    userLimit: status.effectiveUserLimit,
    problems: status.problems as LicenseProblem[],
    softwareVersion: software?.version ?? null,
    softwareSeenAt: seenAt,
    evaluatedAt: now,
  });
  if (transition) {
    await audit({
      chainId: accountId,
      action: 'compliance.mode-changed',
      targetType: 'license',
      targetId: licenseId,
      changes: {
        organizationId: license.organizationId,
        from: transition.from,
        to: transition.to,
        at: transition.at.toISOString(),
        countedUsers,
        userLimit: status.effectiveUserLimit,
        problems: status.problems,
        remedy: transition.remedy,
      },
    });
  }
  const saved: ComplianceRow = {
    ...row,
    ...state,
    countedUsers,
    userLimit: status.effectiveUserLimit,
    problems: status.problems,
    softwareVersion: software?.version ?? null,
    softwareSeenAt: seenAt,
    evaluatedAt: now,
  };
  return { licenseId, organizationId: license.organizationId, status, transition, row: saved };
}
