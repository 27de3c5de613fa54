// POST /v1/accounts — an operator creates a vendor account.
import { AppError } from '@licentia/core';
import { accountRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate, principalOf } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { provisionSigningKey } from '../signing-keys/provision-signing-key.ts';
import { Account, toAccount } from './account-schema.ts';

const Body = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    isDefault: Type.Optional(
      Type.Boolean({ description: 'Make this the default account (only one may be)' }),
    ),
  },
  { additionalProperties: false },
);

export function createAccount(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts',
    {
      schema: {
        summary: 'Create a vendor account (operator)',
        tags: ['accounts'],
        body: Body,
        response: { 201: Account, ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (request, reply) => {
      // Deployment-wide: a vendor token sees the route but may not use it, hence 403 rather than 404.
      if (principalOf(request).kind !== 'operator')
        throw new AppError('FORBIDDEN', 'Only the operator creates accounts');
      const account = await mutate(ctx, request, async (trx, audit) => {
        if (request.body.isDefault && (await accountRepository.getDefault(trx))) {
          throw new AppError('CONFLICT', 'A default account already exists');
        }
        const row = await accountRepository.insert(trx, {
          id: ctx.newId('account'),
          name: request.body.name,
          isDefault: request.body.isDefault ?? false,
        });
        await audit({
          chainId: row.id,
          action: 'account.created',
          targetType: 'account',
          targetId: row.id,
          changes: request.body,
        });
        await provisionSigningKey(ctx, trx, audit, row.id);
        return row;
      });
      return reply.code(201).send(toAccount(account));
    },
  );
}
