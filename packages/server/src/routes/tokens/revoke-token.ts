// DELETE /v1/tokens/{tokenId} — revoke: the token stops authenticating at once; the record stays.
import { notFound } from '@licentia/core';
import { tokenRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate, principalOf } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Token, TokenParams, toToken } from './token-schema.ts';
import { visibleTokenScope } from './token-scope.ts';

export function revokeToken(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/tokens/:tokenId',
    {
      schema: {
        summary: 'Revoke an API token',
        tags: ['tokens'],
        params: TokenParams,
        response: { 200: Token, ...errorResponses },
      },
    },
    async (request) => {
      const { tokenId } = request.params;
      const scope = visibleTokenScope(principalOf(request));
      guard(request, 'token:write', scope, `No token ${tokenId}`);
      const row = await mutate(ctx, request, async (trx, audit) => {
        const existing = await tokenRepository.get(trx, scope, tokenId);
        if (!existing) throw notFound('token', tokenId);
        if (existing.revokedAt) return existing; // Revoking twice changes nothing and records nothing.
        const revoked = (await tokenRepository.revoke(trx, scope, tokenId, ctx.clock()))!;
        await audit({
          chainId: revoked.accountId ?? 'system',
          action: 'token.revoked',
          targetType: 'token',
          targetId: tokenId,
        });
        return revoked;
      });
      // This process forgets the token at once; others are told by the database's NOTIFY.
      ctx.principals.clear();
      return toToken(row);
    },
  );
}
