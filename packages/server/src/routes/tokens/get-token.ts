// GET /v1/tokens/{tokenId}
import { notFound } from '@licentia/core';
import { tokenRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Token, TokenParams, toToken } from './token-schema.ts';
import { visibleTokenScope } from './token-scope.ts';

export function getToken(app: App, ctx: AppContext): void {
  app.get(
    '/v1/tokens/:tokenId',
    {
      schema: {
        summary: 'Get an API token',
        tags: ['tokens'],
        params: TokenParams,
        response: { 200: Token, ...errorResponses },
      },
    },
    async (request) => {
      const { tokenId } = request.params;
      const scope = visibleTokenScope(principalOf(request));
      guard(request, 'token:read', scope, `No token ${tokenId}`);
      const row = await tokenRepository.get(ctx.db, scope, tokenId);
      if (!row) throw notFound('token', tokenId);
      return toToken(row);
    },
  );
}
