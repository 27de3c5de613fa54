// The vocabulary of user-count enforcement (issue 7, E3–E5): modes, reason codes, capabilities
// that a mode refuses, and the state a license carries from one evaluation to the next.

/** Enforcement modes in increasing severity. */
export const COMPLIANCE_MODES = ['NORMAL', 'GRACE', 'LIGHT_RESTRICTED', 'RESTRICTED'] as const;
export type ComplianceMode = (typeof COMPLIANCE_MODES)[number];

/** The license problems of E4: each forces RESTRICTED until its remedy is applied. */
export const LICENSE_PROBLEMS = [
  'VERSION_MISMATCH',
  'MAINTENANCE_EXPIRED',
  'LICENSE_EXPIRED',
  'TRIAL_OVER_OLDER_DATA',
] as const;
export type LicenseProblemCode = (typeof LICENSE_PROBLEMS)[number];

/** Why a license is in its mode: one code per row of seed 001's table. */
export const COMPLIANCE_REASONS = [
  'WITHIN_LIMIT',
  'OVER_USER_LIMIT',
  'GRACE_PERIOD_ENDED',
  'OVER_USER_LIMIT_CEILING',
  ...LICENSE_PROBLEMS,
] as const;
export type ComplianceReason = (typeof COMPLIANCE_REASONS)[number];

/**
 * What a mode may refuse. ENFORCEMENT (validation, floating check-out) and LICENSE_MANAGEMENT
 * (loading a license, extensions, the compliance view) are never refused: the remedy must stay reachable
 * and licensed applications keep answering.
 */
export const CAPABILITIES = [
  'ADMINISTRATION',
  'REPORTING',
  'USAGE_IMPORT',
  'HARVESTING',
  'ENFORCEMENT',
  'LICENSE_MANAGEMENT',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** A temporary raise of the user limit, valid while `now < until`. */
export interface UserLimitExtension {
  userLimit: number;
  until: Date;
}

/** A problem found on a license, with the evidence shown to the customer. */
export interface LicenseProblem {
  code: LicenseProblemCode;
  detail: string;
}

/** What is stored per license between evaluations. */
export interface ComplianceState {
  mode: ComplianceMode;
  reason: ComplianceReason;
  /** When the license entered this mode with this reason. */
  since: Date;
  /** First instant of the current overage episode (counted users above the limit); null when within. */
  graceStartedAt: Date | null;
}

/** What an evaluation reads: limit, count, extension, grace period length and current problems. */
export interface ComplianceInput {
  /** The license's user limit L; null = unlimited. */
  userLimit: number | null;
  /** Distinct users counted over the last 30 days. */
  countedUsers: number;
  extension: UserLimitExtension | null;
  /** Default {@link DEFAULT_GRACE_PERIOD_DAYS}. */
  gracePeriodDays: number;
  problems: readonly LicenseProblem[];
}

/** A change of mode or reason: recorded as an audit event with its remedy. */
export interface ComplianceTransition {
  from: { mode: ComplianceMode; reason: ComplianceReason };
  to: { mode: ComplianceMode; reason: ComplianceReason };
  at: Date;
  countedUsers: number;
  effectiveUserLimit: number | null;
  remedy: readonly string[];
}

/** What validation answers, banners and routes show. */
export interface ComplianceStatus {
  mode: ComplianceMode;
  reason: ComplianceReason;
  /** One sentence per step the customer may take (seed 001, "What to do next?"). */
  remedy: readonly string[];
  /** Capabilities this mode refuses, sorted as {@link CAPABILITIES}. */
  restricted: readonly Capability[];
  countedUsers: number;
  /** L raised by a live extension; null = unlimited. */
  effectiveUserLimit: number | null;
  /** 125% of the effective limit, rounded down: above it the license is RESTRICTED. */
  ceiling: number | null;
  since: Date;
  graceStartedAt: Date | null;
  graceEndsAt: Date | null;
  problems: readonly LicenseProblem[];
  /** Human sentences for banners (e.g. when the grace period ends). */
  warnings: readonly string[];
}

export const DEFAULT_GRACE_PERIOD_DAYS = 30;
export const DAY_MS = 86_400_000;
