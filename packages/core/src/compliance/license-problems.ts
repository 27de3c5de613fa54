// The license problems of E4, found from facts the caller gathers (the software version in use, the
// license's dates, the oldest usage data). Every problem found is returned, not just the first.
import semver from 'semver';
import type { LicenseModel } from '../policies/policy-types.ts';
import type { LicenseProblem } from './compliance-types.ts';

/** The software in use: the highest version seen (validations, monitored installation). */
export interface SoftwareInUse {
  version: string;
  /** The release date of that version when it is a known release; null = unknown. */
  releasedAt: Date | null;
}

export interface ProblemFacts {
  model: LicenseModel;
  /** When the license stops being valid (its expiry, after any expiry grace); null = never. */
  expiresAt: Date | null;
  maintenanceEndsAt: Date | null;
  /** The semver range the license covers; null = every version. */
  versionRange: string | null;
  software: SoftwareInUse | null;
  /** For a TRIAL: when it started (activation or start date). */
  trialStartedAt: Date | null;
  /** The oldest usage data stored for the license's organization; null = none. */
  earliestUsageAt: Date | null;
}

/**
 * The highest semantic version of `versions` (others are ignored); null when none is one.
 * @example highestVersion(['2.10.0', '2.9.1', 'nightly', null]) // '2.10.0'
 */
export function highestVersion(versions: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const v of versions) {
    if (v === null || semver.valid(v) === null) continue;
    if (best === null || semver.compare(v, best) > 0) best = v;
  }
  return best;
}

function versionAboveRange(version: string, range: string): boolean {
  if (semver.valid(version) === null || semver.validRange(range) === null) return false;
  return semver.gtr(version, range, { includePrerelease: true });
}

/**
 * The problems of a license at `now`:
 * - VERSION_MISMATCH: the software version is above the licensed range (a lower one is not a mismatch).
 * - MAINTENANCE_EXPIRED: the software in use is a known release dated after the maintenance end.
 * - LICENSE_EXPIRED: a trial or subscription (or any license with an end) at or past its end.
 * - TRIAL_OVER_OLDER_DATA: a trial whose organization holds usage data older than the trial.
 * @example licenseProblems({ ...facts, software: { version: '3.0.0', releasedAt: null }, versionRange: '^2' }, now)
 * // → [{ code: 'VERSION_MISMATCH', detail: 'software 3.0.0 is above the licensed range ^2' }]
 */
export function licenseProblems(facts: ProblemFacts, now: Date): LicenseProblem[] {
  const problems: LicenseProblem[] = [];
  const { software } = facts;
  if (software && facts.versionRange !== null && versionAboveRange(software.version, facts.versionRange)) {
    problems.push({
      code: 'VERSION_MISMATCH',
      detail: `software ${software.version} is above the licensed range ${facts.versionRange}`,
    });
  }
  const maintenanceEnd = facts.maintenanceEndsAt;
  if (software?.releasedAt && maintenanceEnd && software.releasedAt.getTime() > maintenanceEnd.getTime()) {
    problems.push({
      code: 'MAINTENANCE_EXPIRED',
      detail:
        `software ${software.version} was released ${software.releasedAt.toISOString()}, ` +
        `after maintenance ended ${maintenanceEnd.toISOString()}`,
    });
  }
  const end = facts.expiresAt;
  // Trials, subscriptions and test licenses carry an end; perpetual ones have none and never expire.
  if (end && now.getTime() >= end.getTime()) {
    problems.push({
      code: 'LICENSE_EXPIRED',
      detail: `the ${facts.model.toLowerCase()} license expired at ${end.toISOString()}`,
    });
  }
  const started = facts.trialStartedAt;
  const oldest = facts.earliestUsageAt;
  if (facts.model === 'TRIAL' && started && oldest && oldest.getTime() < started.getTime()) {
    problems.push({
      code: 'TRIAL_OVER_OLDER_DATA',
      detail: `usage data from ${oldest.toISOString()} predates the trial started ${started.toISOString()}`,
    });
  }
  return problems;
}
