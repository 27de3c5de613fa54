// Audit event shapes and which chain a caller asks for.
import { AppError, type Principal } from '@licentia/core';
import { Type } from 'typebox';
import { Nullable, Timestamp } from '../../http/schemas.ts';

export const AuditEvent = Type.Object(
  {
    id: Type.String(),
    chainId: Type.String(),
    seq: Type.Integer(),
    occurredAt: Timestamp,
    actorType: Type.String(),
    actorId: Type.String(),
    action: Type.String(),
    targetType: Type.String(),
    targetId: Type.String(),
    changes: Type.Unknown(),
    requestId: Nullable(Type.String()),
    prevHash: Type.String(),
    hash: Type.String(),
  },
  { $id: 'AuditEvent' },
);

export const ChainQuery = Type.String({
  pattern: '^(system|acct_[0-9a-z]{26})$',
  description: "An account id, or 'system' for deployment-wide events (operator only)",
});

/** The chain the caller asked for, defaulting to its own account; operators may read any. */
export function chainFor(principal: Principal, requested: string | undefined): string {
  const chain = requested ?? principal.accountId ?? 'system';
  if (principal.kind !== 'operator' && chain !== principal.accountId)
    throw new AppError('NOT_FOUND', `No audit chain ${chain}`);
  return chain;
}
