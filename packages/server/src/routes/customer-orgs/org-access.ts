// Shared by the customer-organization capability folders (environments, people, permission-groups,
// entitlements, license-overview, seats): who may act in an organization and what its plan is.
// Organization-side administration needs LICENSING, reports need REPORTING (http/org-privileges.ts);
// vendor-only license data needs license:write, which answers an organization token with
// CONTACT_ACCOUNT_MANAGER (http/context.ts guard).
import { notFound, type OrgPrivilege, type Plan, type Principal } from '@licentia/core';
import { organizationPlanRepository } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import { type AppContext, guard } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';

export interface OrgScope {
  accountId: string;
  organizationId: string;
}

/** Reading the organization's administration data: whoever administers it or reports on it. */
export const ADMIN_READ: OrgPrivilege[] = ['LICENSING', 'REPORTING'];
/** Changing people, environments, permission groups and seats. */
export const ADMIN_WRITE: OrgPrivilege = 'LICENSING';
/** Reading reports such as the license overview. */
export const REPORTS: OrgPrivilege = 'REPORTING';

/**
 * Call before `mutate`: on PGlite the single connection is held by an open transaction, so checks
 * made through ctx.db inside it would wait forever.
 *
 * Apply tenancy and the organization privilege, then load the organization's plan (404 when the
 * organization does not exist in the account, exactly as when it is not visible).
 */
export async function orgAccess(
  request: FastifyRequest,
  ctx: AppContext,
  scope: OrgScope,
  privilege: OrgPrivilege | OrgPrivilege[],
  notFoundDetail = `No organization ${scope.organizationId}`,
): Promise<{ principal: Principal; plan: Plan }> {
  const principal = await requireOrgPrivilege(request, ctx, scope, privilege, notFoundDetail);
  const plan = await organizationPlanRepository.get(ctx.db, scope.accountId, scope.organizationId);
  if (!plan) throw notFound('organization', scope.organizationId);
  return { principal, plan };
}

/** Vendor-only changes (entitlements, plan, where a license is installed): license:write. */
export async function vendorAccess(
  request: FastifyRequest,
  ctx: AppContext,
  scope: OrgScope,
): Promise<{ principal: Principal; plan: Plan }> {
  const principal = guard(request, 'license:write', scope, `No organization ${scope.organizationId}`);
  const plan = await organizationPlanRepository.get(ctx.db, scope.accountId, scope.organizationId);
  if (!plan) throw notFound('organization', scope.organizationId);
  return { principal, plan };
}

/** The base path of every customer-organization route. */
export const ORG_PATH = '/v1/accounts/:accountId/organizations/:organizationId';
