// GET /v1/accounts/{accountId}/signing-keys — every key of the account with its rotation state.
import { signingKeyRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { SigningKey, toSigningKey } from './signing-key-schema.ts';

export function listSigningKeys(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/signing-keys',
    {
      schema: {
        summary: 'List signing keys (public halves) and their rotation state',
        tags: ['signing keys'],
        params: AccountParams,
        response: { 200: Type.Object({ data: Type.Array(SigningKey) }), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      guard(request, 'account:read', { accountId }, `No account ${accountId}`);
      return { data: (await signingKeyRepository.list(ctx.db, accountId)).map(toSigningKey) };
    },
  );
}
