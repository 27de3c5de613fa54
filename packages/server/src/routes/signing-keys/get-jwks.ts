// Public JWKS: GET /v1/accounts/{accountId}/jwks.json and /.well-known/jwks.json (default account).
// Lists ACTIVE and VERIFY_ONLY keys, so tokens verify offline through a rotation overlap.
import { notFound } from '@licentia/core';
import { accountRepository, signingKeyRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { Problem } from '../../http/schemas.ts';
import { toJwk } from '../../signing/key-vault.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { Jwks } from './signing-key-schema.ts';

async function jwksOf(ctx: AppContext, accountId: string) {
  const keys = await signingKeyRepository.list(ctx.db, accountId);
  return { keys: keys.filter((k) => k.status !== 'RETIRED').map(toJwk) };
}

export function getJwks(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/jwks.json',
    {
      config: { public: true },
      schema: {
        summary: "An account's public keys (JWKS)",
        tags: ['signing keys'],
        security: [],
        params: AccountParams,
        response: { 200: Jwks, 404: Problem },
      },
    },
    async (request, reply) => {
      const { accountId } = request.params;
      if (!(await accountRepository.get(ctx.db, accountId))) throw notFound('account', accountId);
      return reply.header('cache-control', 'public, max-age=300').send(await jwksOf(ctx, accountId));
    },
  );

  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        summary: "The default account's public keys (JWKS)",
        tags: ['signing keys'],
        security: [],
        response: { 200: Jwks, 404: Problem },
      },
    },
    async (_request, reply) => {
      const account = await accountRepository.getDefault(ctx.db);
      if (!account) throw notFound('default account', '(none configured)');
      return reply.header('cache-control', 'public, max-age=300').send(await jwksOf(ctx, account.id));
    },
  );
}
