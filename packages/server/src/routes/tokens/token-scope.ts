// The slice of tokens a principal may see: all (operator), its account's, or its organization's.
import { AppError, type Principal } from '@licentia/core';
import type { TokenScope } from '@licentia/db';

export function visibleTokenScope(principal: Principal, requestedAccountId?: string): TokenScope {
  if (principal.kind === 'operator') return { accountId: requestedAccountId ?? null };
  if (requestedAccountId && requestedAccountId !== principal.accountId) {
    throw new AppError('NOT_FOUND', `No account ${requestedAccountId}`);
  }
  return {
    accountId: principal.accountId,
    organizationId: principal.organizationId,
    productId: principal.productId ?? null,
  };
}
