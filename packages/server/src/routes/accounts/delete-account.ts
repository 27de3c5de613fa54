// DELETE /v1/accounts/{accountId} — soft delete by the operator; its tokens stop working at once
// (token lookup ignores deleted accounts) and its audit chain stays verifiable.
import { notFound } from '@licentia/core';
import { accountRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountParams } from './account-schema.ts';

export function deleteAccount(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/accounts/:accountId',
    {
      schema: {
        summary: 'Delete a vendor account (operator)',
        tags: ['accounts'],
        params: AccountParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId } = request.params;
      guard(request, 'account:manage', { accountId }, `No account ${accountId}`);
      await mutate(ctx, request, async (trx, audit) => {
        if (!(await accountRepository.softDelete(trx, accountId, ctx.clock())))
          throw notFound('account', accountId);
        await audit({
          chainId: accountId,
          action: 'account.deleted',
          targetType: 'account',
          targetId: accountId,
        });
      });
      // This process forgets the token at once; others are told by the database's NOTIFY.
      ctx.principals.clear();
      return reply.code(204).send(null);
    },
  );
}
