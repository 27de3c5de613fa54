// GET /v1/accounts — the operator sees every account; a vendor token sees its own.
import { accountRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, principalOf } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { Account, toAccount } from './account-schema.ts';

export function listAccounts(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts',
    {
      schema: {
        summary: 'List vendor accounts visible to the token',
        tags: ['accounts'],
        querystring: PageQuery,
        response: { 200: pageOf(Account), ...errorResponses },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const onlyId = principal.kind === 'operator' ? undefined : (principal.accountId ?? undefined);
      const page = await accountRepository.list(
        ctx.db,
        { limit: request.query.limit, after: request.query.cursor },
        onlyId,
      );
      // Organization tokens do not see their vendor's account record.
      const data = principal.kind === 'organization' ? [] : page.data.map(toAccount);
      return { data, nextCursor: principal.kind === 'organization' ? null : page.nextCursor };
    },
  );
}
