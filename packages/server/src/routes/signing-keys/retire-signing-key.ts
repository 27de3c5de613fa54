// POST /v1/accounts/{accountId}/signing-keys/{kid}/retire — a rotated-out key leaves the JWKS;
// tokens it signed stop verifying (the SDK reports an unknown key). The ACTIVE key cannot be retired.
import { AppError, notFound } from '@licentia/core';
import { signingKeyRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { SigningKey, SigningKeyParams, toSigningKey } from './signing-key-schema.ts';

export function retireSigningKey(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/signing-keys/:kid/retire',
    {
      schema: {
        summary: 'Retire a rotated-out signing key',
        tags: ['signing keys'],
        params: SigningKeyParams,
        response: { 200: SigningKey, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request) => {
      const { accountId, kid } = request.params;
      guard(request, 'signing-key:write', { accountId }, `No signing key ${kid}`);
      const row = await mutate(ctx, request, async (trx, audit) => {
        const key = await signingKeyRepository.get(trx, accountId, kid);
        if (!key) throw notFound('signing key', kid);
        if (key.status === 'ACTIVE')
          throw new AppError('CONFLICT', 'Rotate before retiring: this key is the active signing key');
        if (key.status === 'RETIRED') return key;
        const retired = (await signingKeyRepository.retire(trx, accountId, kid, ctx.clock()))!;
        await audit({
          chainId: accountId,
          action: 'signing-key.retired',
          targetType: 'signing-key',
          targetId: kid,
        });
        return retired;
      });
      ctx.keys.forget(accountId);
      return toSigningKey(row);
    },
  );
}
