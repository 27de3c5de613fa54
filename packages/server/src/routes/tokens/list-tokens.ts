// GET /v1/tokens — tokens visible to the caller (never their secrets).
import { tokenRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { AccountId } from '../accounts/account-schema.ts';
import { Token, toToken } from './token-schema.ts';
import { visibleTokenScope } from './token-scope.ts';

const Query = Type.Object(
  { ...PageQuery.properties, accountId: Type.Optional(AccountId) },
  { additionalProperties: false },
);

export function listTokens(app: App, ctx: AppContext): void {
  app.get(
    '/v1/tokens',
    {
      schema: {
        summary: 'List API tokens',
        tags: ['tokens'],
        querystring: Query,
        response: { 200: pageOf(Token), ...errorResponses },
      },
    },
    async (request) => {
      const scope = visibleTokenScope(principalOf(request), request.query.accountId);
      guard(request, 'token:read', scope, 'No such token scope');
      const page = await tokenRepository.list(ctx.db, scope, {
        limit: request.query.limit,
        after: request.query.cursor,
      });
      return { data: page.data.map(toToken), nextCursor: page.nextCursor };
    },
  );
}
