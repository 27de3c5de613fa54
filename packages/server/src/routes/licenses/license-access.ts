// Loading what a license route acts on, guarded: a license the caller cannot see answers exactly as a
// missing one (404), and the policies it names must be live policies of the same account.
import { AppError, notFound, type Permission } from '@licentia/core';
import {
  type LicenseRow,
  licenseRepository,
  type PolicyRow,
  policyRepository,
  type Schema,
} from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { guard, principalOf } from '../../http/context.ts';

/**
 * The license, after `guard` with its organization in the scope (organization tokens reach only
 * their own). `lock` takes the row lock (inside a transaction) so lifecycle steps serialize.
 */
export async function loadLicense(
  db: Kysely<Schema>,
  request: FastifyRequest,
  ids: { accountId: string; licenseId: string },
  permission: Permission,
  lock = false,
): Promise<LicenseRow> {
  const { accountId, licenseId } = ids;
  const row = lock
    ? await licenseRepository.getForUpdate(db, accountId, licenseId)
    : await licenseRepository.get(db, accountId, licenseId);
  guard(
    request,
    permission,
    { accountId, organizationId: row?.organizationId ?? null },
    `No license ${licenseId}`,
  );
  if (!row) throw notFound('license', licenseId);
  return row;
}

/**
 * Credentials of a license (its key, an offline file) go to the vendor's writers (`license:write`)
 * and to the customer's own org-admins (`machine:write` on their organization): whoever may activate
 * a machine of the license may hold what activates it. Read-only tokens of either side may not.
 */
export function guardCredential(request: FastifyRequest, row: LicenseRow): void {
  const permission = principalOf(request).kind === 'organization' ? 'machine:write' : 'license:write';
  guard(
    request,
    permission,
    { accountId: row.accountId, organizationId: row.organizationId },
    `No license ${row.id}`,
  );
}

/** A live policy of the account, or the same 404 as any policy one cannot see. */
export async function loadPolicy(
  db: Kysely<Schema>,
  accountId: string,
  policyId: string,
): Promise<PolicyRow> {
  const policy = await policyRepository.get(db, accountId, policyId);
  if (!policy) throw notFound('policy', policyId);
  return policy;
}

/** A refused lifecycle step: 409 with the core's explanation. */
export function conflict(detail: string, code?: string): AppError {
  return new AppError('CONFLICT', detail, code ? { extensions: { reason: code } } : {});
}
