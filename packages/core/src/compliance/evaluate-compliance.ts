// The mode machine of E3/E4: from the previous state, the counted users, the limit (with any extension)
// and the license problems at `now`, the new state, what to show, and the transition to audit.
import {
  type ComplianceInput,
  type ComplianceReason,
  type ComplianceState,
  type ComplianceStatus,
  type ComplianceTransition,
  DAY_MS,
  LICENSE_PROBLEMS,
  type LicenseProblem,
} from './compliance-types.ts';
import { REASON_RULES, RESTRICTED_CAPABILITIES } from './remedies.ts';
import { effectiveUserLimit, userCeiling } from './user-limit.ts';

export interface ComplianceEvaluation {
  state: ComplianceState;
  status: ComplianceStatus;
  /** The change of mode or reason, if any (at most one per evaluation). */
  transition: ComplianceTransition | null;
}

/** The state of a license never evaluated: NORMAL since `now`. */
export function initialComplianceState(now: Date): ComplianceState {
  return { mode: 'NORMAL', reason: 'WITHIN_LIMIT', since: now, graceStartedAt: null };
}

const byProblemOrder = (a: LicenseProblem, b: LicenseProblem) =>
  LICENSE_PROBLEMS.indexOf(a.code) - LICENSE_PROBLEMS.indexOf(b.code);

function reasonOf(
  problems: readonly LicenseProblem[],
  counted: number,
  limit: number | null,
  graceEndsAt: Date | null,
  now: Date,
): ComplianceReason {
  const first = [...problems].sort(byProblemOrder)[0];
  if (first) return first.code;
  if (limit === null || counted <= limit) return 'WITHIN_LIMIT';
  if (counted > (userCeiling(limit) as number)) return 'OVER_USER_LIMIT_CEILING';
  return graceEndsAt && now.getTime() < graceEndsAt.getTime() ? 'OVER_USER_LIMIT' : 'GRACE_PERIOD_ENDED';
}

function warningsOf(status: Omit<ComplianceStatus, 'warnings'>, input: ComplianceInput, now: Date): string[] {
  const { countedUsers: c, effectiveUserLimit: limit, graceEndsAt, ceiling } = status;
  const warnings: string[] = [];
  if (limit !== null && c > limit) {
    const ends = graceEndsAt ? graceEndsAt.toISOString() : '';
    warnings.push(
      status.mode === 'GRACE'
        ? `${c} users counted over the limit of ${limit}; the grace period ends at ${ends}, and above ${ceiling} users the license is restricted.`
        : `${c} users counted over the limit of ${limit}; the grace period ended at ${ends}.`,
    );
  }
  const ext = input.extension;
  if (ext && input.userLimit !== null && now.getTime() < ext.until.getTime() && limit !== input.userLimit) {
    warnings.push(`The user limit is temporarily raised to ${limit} until ${ext.until.toISOString()}.`);
  }
  return warnings;
}

/**
 * Evaluate a license at `now`. Rules (L = limit raised by a live extension, C = counted users):
 * NORMAL while C ≤ L; GRACE when C > L for the grace period from the first instant over L, while
 * C ≤ 125% L; LIGHT_RESTRICTED after it while still over L; RESTRICTED when C > 125% L or on any
 * license problem; back to NORMAL (and the grace clock reset) as soon as C ≤ L without problems.
 * The grace clock keeps running while restricted, so a drop below the ceiling lands in GRACE or
 * LIGHT_RESTRICTED by the time elapsed.
 * @example evaluateCompliance(null, { userLimit: 10, countedUsers: 11, extension: null, gracePeriodDays: 30, problems: [] }, now).status.mode // 'GRACE'
 */
export function evaluateCompliance(
  previous: ComplianceState | null,
  input: ComplianceInput,
  now: Date,
): ComplianceEvaluation {
  const prev = previous ?? initialComplianceState(now);
  const limit = effectiveUserLimit(input.userLimit, input.extension, now);
  const over = limit !== null && input.countedUsers > limit;
  const graceStartedAt = over ? (prev.graceStartedAt ?? now) : null;
  const graceEndsAt = graceStartedAt && new Date(graceStartedAt.getTime() + input.gracePeriodDays * DAY_MS);
  const reason = reasonOf(input.problems, input.countedUsers, limit, graceEndsAt, now);
  const rule = REASON_RULES[reason];
  const changed = rule.mode !== prev.mode || reason !== prev.reason;
  // A grace period that ran out between two evaluations ended at its end, not when it was noticed.
  // (A shortened grace period never dates the change before the previous one.)
  const lapsed = reason === 'GRACE_PERIOD_ENDED' && prev.reason === 'OVER_USER_LIMIT' && graceEndsAt;
  const since = !changed
    ? prev.since
    : lapsed
      ? new Date(Math.max(graceEndsAt.getTime(), prev.since.getTime()))
      : now;
  const state: ComplianceState = { mode: rule.mode, reason, since, graceStartedAt };
  const base = {
    mode: rule.mode,
    reason,
    remedy: rule.remedy,
    restricted: RESTRICTED_CAPABILITIES[rule.mode],
    countedUsers: input.countedUsers,
    effectiveUserLimit: limit,
    ceiling: userCeiling(limit),
    since,
    graceStartedAt,
    graceEndsAt,
    problems: [...input.problems].sort(byProblemOrder),
  };
  const status: ComplianceStatus = { ...base, warnings: warningsOf(base, input, now) };
  const transition: ComplianceTransition | null = changed
    ? {
        from: { mode: prev.mode, reason: prev.reason },
        to: { mode: rule.mode, reason },
        at: since,
        countedUsers: input.countedUsers,
        effectiveUserLimit: limit,
        remedy: rule.remedy,
      }
    : null;
  return { state, status, transition };
}
