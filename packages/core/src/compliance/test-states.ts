// Shared states and inputs of the compliance tables: L = 10 (ceiling 12), a 30-day grace period.
import type {
  ComplianceInput,
  ComplianceMode,
  ComplianceReason,
  ComplianceState,
  LicenseProblem,
} from './compliance-types.ts';
import { day, T0 } from './test-clock.ts';

export const input = (countedUsers: number, extra: Partial<ComplianceInput> = {}): ComplianceInput => ({
  userLimit: 10,
  countedUsers,
  extension: null,
  gracePeriodDays: 30,
  problems: [],
  ...extra,
});

export const state = (
  mode: ComplianceMode,
  reason: ComplianceReason,
  since: Date,
  graceStartedAt: Date | null,
) => ({
  mode,
  reason,
  since,
  graceStartedAt,
});

export const NORMAL: ComplianceState = state('NORMAL', 'WITHIN_LIMIT', T0, null);
export const GRACE: ComplianceState = state('GRACE', 'OVER_USER_LIMIT', T0, T0);
export const LIGHT: ComplianceState = state('LIGHT_RESTRICTED', 'GRACE_PERIOD_ENDED', day(30), T0);
export const CEILING: ComplianceState = state('RESTRICTED', 'OVER_USER_LIMIT_CEILING', T0, T0);
export const expired: LicenseProblem = { code: 'LICENSE_EXPIRED', detail: 'the trial license expired' };
