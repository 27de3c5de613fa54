// POST /v1/accounts/{accountId}/signing-keys/rotate — new tokens are signed with a fresh key; the
// previous key stays in the JWKS (VERIFY_ONLY) until it is retired.
import { notFound } from '@licentia/core';
import { accountRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { provisionSigningKey } from './provision-signing-key.ts';
import { SigningKey, toSigningKey } from './signing-key-schema.ts';

export function rotateSigningKey(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/signing-keys/rotate',
    {
      schema: {
        summary: 'Rotate the signing key (old key keeps verifying until retired)',
        tags: ['signing keys'],
        params: AccountParams,
        response: { 201: SigningKey, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId } = request.params;
      guard(request, 'signing-key:write', { accountId }, `No account ${accountId}`);
      const row = await mutate(ctx, request, async (trx, audit) => {
        if (!(await accountRepository.get(trx, accountId))) throw notFound('account', accountId);
        return provisionSigningKey(ctx, trx, audit, accountId);
      });
      return reply.code(201).send(toSigningKey(row));
    },
  );
}
