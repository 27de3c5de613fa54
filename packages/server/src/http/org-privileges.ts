// Organization privilege checks for routes that change or report on a customer organization's data:
// tenancy first (exactly like `guard`), vendor tokens by permission, organization tokens by the
// privileges they hold (core privileges/). A refusal names the supervisors to ask.
import {
  AppError,
  effectivePrivileges,
  holdsAny,
  isLastSupervisor,
  LAST_SUPERVISOR_DETAIL,
  type OrgPrivilege,
  type Principal,
  privilegeRefusalDetail,
} from '@licentia/core';
import { privilegeRepository, type Schema } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type AppContext, guard, principalOf } from './context.ts';

export interface OrgScope {
  accountId: string;
  organizationId: string;
}

/** The organization privileges of an organization-token principal, read now (never cached). */
export async function privilegesOf(
  db: Kysely<Schema>,
  principal: Principal,
  scope: OrgScope,
): Promise<Set<OrgPrivilege>> {
  if (principal.kind !== 'organization') return new Set();
  const person = principal.personId
    ? await privilegeRepository.person(db, scope.accountId, scope.organizationId, principal.personId)
    : null;
  return effectivePrivileges(principal, person);
}

/**
 * Refuse unless the caller may act on the organization with `privilege` (or any of a list).
 * Another tenant's organization answers 404 `notFoundDetail`. Vendor tokens need organization:read
 * when REPORTING is accepted, organization:write otherwise. Organization tokens without the
 * privilege get 403 PRIVILEGE_REQUIRED whose detail and `supervisors` member name whom to ask.
 */
export async function requireOrgPrivilege(
  request: FastifyRequest,
  ctx: AppContext,
  scope: OrgScope,
  privilege: OrgPrivilege | readonly OrgPrivilege[],
  notFoundDetail: string,
): Promise<Principal> {
  const accepted: readonly OrgPrivilege[] = typeof privilege === 'string' ? [privilege] : privilege;
  const principal = principalOf(request);
  if (principal.kind !== 'organization') {
    const permission = accepted.includes('REPORTING') ? 'organization:read' : 'organization:write';
    return guard(request, permission, scope, notFoundDetail);
  }
  // Tenancy exactly as guard decides it; every organization role can read its organization.
  guard(request, 'organization:read', scope, notFoundDetail);
  if (holdsAny(await privilegesOf(ctx.db, principal, scope), accepted)) return principal;
  const supervisors = await privilegeRepository.activeSupervisors(
    ctx.db,
    scope.accountId,
    scope.organizationId,
  );
  throw new AppError('PRIVILEGE_REQUIRED', privilegeRefusalDetail(accepted, supervisors), {
    extensions: { required: [...accepted], supervisors },
  });
}

/**
 * Inside the transaction that deletes or disables a person: lock the organization's supervisor set
 * and refuse (409 LAST_SUPERVISOR) when the person is its last active supervisor.
 */
export async function refuseLastSupervisorRemoval(
  trx: Kysely<Schema>,
  accountId: string,
  organizationId: string,
  personId: string,
): Promise<void> {
  await privilegeRepository.lockOrganization(trx, accountId, organizationId);
  const supervisors = await privilegeRepository.activeSupervisors(trx, accountId, organizationId);
  if (
    isLastSupervisor(
      personId,
      supervisors.map((s) => s.id),
    )
  ) {
    throw new AppError('LAST_SUPERVISOR', LAST_SUPERVISOR_DETAIL);
  }
}
