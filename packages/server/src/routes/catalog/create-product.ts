// POST /v1/accounts/{accountId}/products — add a base product or an add-on to the catalog.
import { AppError, notFound, validateProductInput } from '@licentia/core';
import { accountRepository, productRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { conflictOnDuplicate, validOrThrow } from './input-errors.ts';
import { Product, ProductBody, toProduct } from './product-schema.ts';
import { checkRequiredProducts } from './required-products.ts';

export const duplicateProductCode = (code: string) =>
  `A product with code "${code}" already exists in this account; product codes are unique per account`;

export function createProduct(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/products',
    {
      schema: {
        summary: 'Create a product (BASE or ADD_ON)',
        tags: ['catalog'],
        params: AccountParams,
        body: ProductBody,
        response: { 201: Product, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No account ${accountId}`);
      const input = validOrThrow(validateProductInput(request.body));
      const row = await mutate(ctx, request, async (trx, audit) => {
        if (!(await accountRepository.get(trx, accountId))) throw notFound('account', accountId);
        await checkRequiredProducts(trx, accountId, input.requiresProductIds);
        if (await productRepository.findByCode(trx, accountId, input.code)) {
          throw new AppError('CONFLICT', duplicateProductCode(input.code));
        }
        const product = await conflictOnDuplicate(
          productRepository.insert(trx, accountId, { id: ctx.newId('product'), ...input }),
          duplicateProductCode(input.code),
        );
        await audit({
          chainId: accountId,
          action: 'product.created',
          targetType: 'product',
          targetId: product.id,
          changes: input,
        });
        return product;
      });
      return reply.code(201).send(toProduct(row));
    },
  );
}
