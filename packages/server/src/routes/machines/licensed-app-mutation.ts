// A transaction with audit events for the licensed-app routes (activate, deactivate), which may run
// without an API token: the actor is then the license key's license, never an anonymous address.
import type { Schema } from '@licentia/db';
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { type AppContext, type AuditEntry, auditedTransaction } from '../../http/context.ts';

export async function licensedAppMutation<T>(
  ctx: AppContext,
  request: FastifyRequest,
  licenseId: string,
  work: (trx: Transaction<Schema>, audit: (entry: AuditEntry) => Promise<void>) => Promise<T>,
): Promise<T> {
  const principal = request.principal;
  const actor = principal
    ? { actorType: `${principal.kind}-token`, actorId: principal.tokenId }
    : { actorType: 'license-key', actorId: licenseId };
  return auditedTransaction(ctx, request, actor, work);
}
