// How a stored compliance state reads in answers: the short form carried by validation answers and
// problem documents, and the full per-license view of the compliance routes and the portal banner.
import {
  type Capability,
  type ComplianceMode,
  type ComplianceReason,
  DAY_MS,
  type LicenseProblem,
  modeSeverity,
  REASON_RULES,
  RESTRICTED_CAPABILITIES,
  userCeiling,
} from '@licentia/core';
import type { ComplianceRow } from '@licentia/db';

/** What validation answers and refusals carry. */
export interface ComplianceSummary {
  mode: ComplianceMode;
  reason: ComplianceReason;
  remedy: string[];
  restricted: Capability[];
}

export const NORMAL_SUMMARY: ComplianceSummary = complianceSummary('NORMAL', 'WITHIN_LIMIT');

export function complianceSummary(mode: ComplianceMode, reason: ComplianceReason): ComplianceSummary {
  return {
    mode,
    reason,
    remedy: [...(REASON_RULES[reason]?.remedy ?? [])],
    restricted: [...RESTRICTED_CAPABILITIES[mode]],
  };
}

/** The summary of a stored mode and reason (null or unknown values read NORMAL). */
export function complianceSummaryOf(stored: { mode: string; reason: string } | null): ComplianceSummary {
  if (!stored || !(stored.reason in REASON_RULES) || !(stored.mode in RESTRICTED_CAPABILITIES))
    return NORMAL_SUMMARY;
  return complianceSummary(stored.mode as ComplianceMode, stored.reason as ComplianceReason);
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The compliance of one license as the routes answer it; a license never evaluated reads NORMAL. */
export function licenseComplianceView(
  license: { id: string; name: string | null; productId: string },
  row: ComplianceRow | undefined,
) {
  const mode = (row?.mode ?? 'NORMAL') as ComplianceMode;
  const reason = (row?.reason ?? 'WITHIN_LIMIT') as ComplianceReason;
  const graceEndsAt =
    row?.graceStartedAt && new Date(row.graceStartedAt.getTime() + row.gracePeriodDays * DAY_MS);
  const problems = (Array.isArray(row?.problems) ? row.problems : []) as LicenseProblem[];
  const limit = row?.userLimit ?? null;
  return {
    licenseId: license.id,
    licenseName: license.name,
    productId: license.productId,
    ...complianceSummary(mode, reason),
    title: REASON_RULES[reason]?.title ?? reason,
    countedUsers: row?.countedUsers ?? 0,
    userLimit: limit,
    ceiling: userCeiling(limit),
    since: iso(row?.since ?? null),
    graceStartedAt: iso(row?.graceStartedAt ?? null),
    graceEndsAt: iso(graceEndsAt || null),
    gracePeriodDays: row?.gracePeriodDays ?? 30,
    countScope: row?.countScope ?? 'ORGANIZATION',
    extension:
      row?.extensionUserLimit != null && row.extensionUntil
        ? { userLimit: row.extensionUserLimit, until: row.extensionUntil.toISOString() }
        : null,
    problems: problems.map((p) => ({ ...p, remedy: [...(REASON_RULES[p.code]?.remedy ?? [])] })),
    softwareVersion: row?.softwareVersion ?? null,
    evaluatedAt: iso(row?.evaluatedAt ?? null),
  };
}

export type LicenseComplianceView = ReturnType<typeof licenseComplianceView>;

/** The organization's mode: its most severe license (NORMAL with no license). */
export function organizationSummary(views: readonly LicenseComplianceView[]): ComplianceSummary & {
  licenseId: string | null;
} {
  let worst: LicenseComplianceView | undefined;
  for (const v of views) if (!worst || modeSeverity(v.mode) > modeSeverity(worst.mode)) worst = v;
  return worst
    ? { ...complianceSummary(worst.mode, worst.reason), licenseId: worst.licenseId }
    : { ...NORMAL_SUMMARY, licenseId: null };
}
