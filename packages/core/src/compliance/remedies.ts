// Seed 001's table as data: for each reason, the mode it leads to and what the customer can do next.
// The API, the banner, the problem documents and docs/compliance.md all read this one table.
import type { Capability, ComplianceMode, ComplianceReason } from './compliance-types.ts';

const LOAD_HIGHER_LIMIT = 'Load a license with a higher user limit.';
const USER_LIMIT_REMEDY = [
  LOAD_HIGHER_LIMIT,
  'Wait for the user count to drop.',
  'Disable license servers and wait for the user count to drop.',
] as const;

export interface ReasonRule {
  mode: ComplianceMode;
  title: string;
  remedy: readonly string[];
}

/** Every reason with its mode and remedy. */
export const REASON_RULES: Record<ComplianceReason, ReasonRule> = {
  WITHIN_LIMIT: { mode: 'NORMAL', title: 'Within the user limit', remedy: [] },
  OVER_USER_LIMIT: {
    mode: 'GRACE',
    title: 'User limit exceeded: grace period',
    remedy: USER_LIMIT_REMEDY,
  },
  GRACE_PERIOD_ENDED: {
    mode: 'LIGHT_RESTRICTED',
    title: 'User limit exceeded after the grace period',
    remedy: USER_LIMIT_REMEDY,
  },
  OVER_USER_LIMIT_CEILING: {
    mode: 'RESTRICTED',
    title: 'User count above 125% of the user limit',
    remedy: USER_LIMIT_REMEDY,
  },
  VERSION_MISMATCH: {
    mode: 'RESTRICTED',
    title: 'The software version is above what the license covers',
    remedy: ['Load a license with a version equal to or higher than the software version.'],
  },
  MAINTENANCE_EXPIRED: {
    mode: 'RESTRICTED',
    title: 'The software was released after the maintenance end',
    remedy: ['Load a license with active maintenance.'],
  },
  LICENSE_EXPIRED: {
    mode: 'RESTRICTED',
    title: 'The license expiration date has passed',
    remedy: ['Load a license with an active expiration time.', 'Load a perpetual license.'],
  },
  TRIAL_OVER_OLDER_DATA: {
    mode: 'RESTRICTED',
    title: 'A trial was started over usage data older than the trial',
    remedy: ['Load a commercial license.', 'Start a trial license with an empty database.'],
  },
};

/** A license server updated to a version released after the maintenance end (status OFFLINE, data skipped). */
export const SERVER_AFTER_MAINTENANCE_REMEDY: readonly string[] = [
  'Revert the license server to a version released before the maintenance end.',
  'Load a license with active maintenance.',
];

/** An agent added to a harvesting group beyond the agent limit ("No License" in the Harvest column). */
export const HARVEST_NO_LICENSE_REMEDY: readonly string[] = [
  LOAD_HIGHER_LIMIT,
  'Remove other agents from harvesting groups to free licenses.',
];

/**
 * Capabilities refused per mode. Light restricted keeps monitoring and enforcement and refuses the
 * administration and reporting marked as such; restricted also stops imports and harvesting.
 */
export const RESTRICTED_CAPABILITIES: Record<ComplianceMode, readonly Capability[]> = {
  NORMAL: [],
  GRACE: [],
  LIGHT_RESTRICTED: ['ADMINISTRATION', 'REPORTING'],
  RESTRICTED: ['ADMINISTRATION', 'REPORTING', 'USAGE_IMPORT', 'HARVESTING'],
};

/** The severity order of modes: the organization shows its most severe license. */
export function modeSeverity(mode: ComplianceMode): number {
  return ['NORMAL', 'GRACE', 'LIGHT_RESTRICTED', 'RESTRICTED'].indexOf(mode);
}

/** True when `mode` refuses `capability`. */
export function refuses(mode: ComplianceMode, capability: Capability): boolean {
  return RESTRICTED_CAPABILITIES[mode].includes(capability);
}
