// GET /v1/accounts/{accountId}/policies?productId=&model= — live policies, oldest first.
import { policyRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { Policy, PolicyListQuery, toPolicy } from './policy-schema.ts';

export function listPolicies(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/policies',
    {
      schema: {
        summary: 'List policies, optionally of one product or license model',
        tags: ['policies'],
        params: AccountParams,
        querystring: PolicyListQuery,
        response: { 200: pageOf(Policy), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      guard(request, 'catalog:read', { accountId }, `No account ${accountId}`);
      const { limit, cursor, productId, model } = request.query;
      const page = await policyRepository.list(
        ctx.db,
        accountId,
        { limit, after: cursor },
        { productId, model },
      );
      return { data: page.data.map(toPolicy), nextCursor: page.nextCursor };
    },
  );
}
