// Shared by the allocation routes: the base path, who may do what, and the one way to change
// allocation data (lock the organization, repair stale vendor products, then change and recompute in
// the same transaction as the audit events).
import type { OrgPrivilege } from '@licentia/core';
import type { AllocationScope, Schema } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { lockAllocation } from '../../allocation/allocation-sync.ts';
import { type AppContext, type AuditEntry, mutate } from '../../http/context.ts';

export const ALLOCATION_PATH = '/v1/accounts/:accountId/organizations/:organizationId/allocation';

/** Administering groups and assignments, refreshing and recomputing: LICENSING. */
export const ALLOCATION_WRITE: OrgPrivilege = 'LICENSING';
/** Reading allocation data and checking logins: LICENSING or REPORTING. */
export const ALLOCATION_READ: OrgPrivilege[] = ['LICENSING', 'REPORTING'];

/** Run an allocation change with the organization locked; call after the access check. */
export function allocationMutation<T>(
  ctx: AppContext,
  request: FastifyRequest,
  scope: AllocationScope,
  work: (trx: Transaction<Schema>, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  return mutate(ctx, request, async (trx, audit) => {
    await lockAllocation(trx, ctx, scope);
    return work(trx, audit);
  });
}
