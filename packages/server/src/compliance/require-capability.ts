// The refusal of administration and reporting "marked as such" while an organization is in a mode that
// restricts them: 403 RESTRICTED_MODE naming the mode, the reason and the remedy. Routes call it after
// their access check; licensed-app enforcement and the compliance view itself are never marked.
import {
  AppError,
  type Capability,
  type ComplianceMode,
  type ComplianceReason,
  refuses,
} from '@licentia/core';
import { complianceRepository, type Schema } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { complianceSummary } from './compliance-view.ts';

/**
 * Throw RESTRICTED_MODE when the organization's most severe license mode refuses `capability`.
 * Vendor tokens pass: the vendor must stay able to help a customer out of a restricted mode.
 * Call before `mutate` (on PGlite the one connection is held by an open transaction).
 * @example await refuseWhenRestricted(request, ctx.db, scope, 'REPORTING');
 */
export async function refuseWhenRestricted(
  request: FastifyRequest,
  db: Kysely<Schema>,
  scope: { accountId: string; organizationId: string },
  capability: Capability,
): Promise<void> {
  if (request.principal?.kind !== 'organization') return;
  const worst = await complianceRepository.mostSevere(db, scope.accountId, scope.organizationId);
  if (!worst || !refuses(worst.mode as ComplianceMode, capability)) return;
  const summary = complianceSummary(worst.mode as ComplianceMode, worst.reason as ComplianceReason);
  throw new AppError(
    'RESTRICTED_MODE',
    `${capability.toLowerCase()} is not available in ${summary.mode} mode (${summary.reason}, license ` +
      `${worst.licenseId}). What to do next: ${summary.remedy.join(' ')}`,
    { extensions: { capability, licenseId: worst.licenseId, ...summary } },
  );
}
