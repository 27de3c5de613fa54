// Give an account a new ACTIVE signing key, demoting the previous one to VERIFY_ONLY so tokens it
// signed keep verifying (rotation with overlap). Used at account creation and by rotation.
import { type Schema, type SigningKeyRow, signingKeyRepository } from '@licentia/db';
import type { Transaction } from 'kysely';
import type { AppContext, AuditEntry } from '../../http/context.ts';

export async function provisionSigningKey(
  ctx: AppContext,
  trx: Transaction<Schema>,
  audit: (entry: AuditEntry) => Promise<void>,
  accountId: string,
): Promise<SigningKeyRow> {
  const previous = await signingKeyRepository.demoteActive(trx, accountId, ctx.clock());
  const kid = ctx.newId('signingKey');
  const row = await signingKeyRepository.insert(trx, accountId, {
    id: kid,
    ...ctx.keys.generate(accountId, kid),
  });
  ctx.keys.forget(accountId);
  await audit({
    chainId: accountId,
    action: previous ? 'signing-key.rotated' : 'signing-key.created',
    targetType: 'signing-key',
    targetId: kid,
    changes: { kid, previousKid: previous },
  });
  return row;
}
