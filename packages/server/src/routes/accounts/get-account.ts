// GET /v1/accounts/{accountId}
import { notFound } from '@licentia/core';
import { accountRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Account, AccountParams, toAccount } from './account-schema.ts';

export function getAccount(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId',
    {
      schema: {
        summary: 'Get a vendor account',
        tags: ['accounts'],
        params: AccountParams,
        response: { 200: Account, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      guard(request, 'account:read', { accountId }, `No account ${accountId}`);
      const row = await accountRepository.get(ctx.db, accountId);
      if (!row) throw notFound('account', accountId);
      return toAccount(row);
    },
  );
}
