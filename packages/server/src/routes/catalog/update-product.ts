// PATCH /v1/accounts/{accountId}/products/{productId} — change any member but the kind; the merged
// product is validated as a whole, as at creation.
import { AppError, notFound, validateProductInput } from '@licentia/core';
import { productRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { changeSummary } from './change-summary.ts';
import { duplicateProductCode } from './create-product.ts';
import { conflictOnDuplicate, validOrThrow } from './input-errors.ts';
import { Product, ProductParams, ProductPatch, toProduct } from './product-schema.ts';
import { checkRequiredProducts } from './required-products.ts';

const AUDITED = ['code', 'name', 'requiresProductIds', 'generation', 'rank', 'audience'] as const;

export function updateProduct(app: App, ctx: AppContext): void {
  app.patch(
    '/v1/accounts/:accountId/products/:productId',
    {
      schema: {
        summary: 'Update a product',
        tags: ['catalog'],
        params: ProductParams,
        body: ProductPatch,
        response: { 200: Product, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, productId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No product ${productId}`);
      const row = await mutate(ctx, request, async (trx, audit) => {
        const before = await productRepository.get(trx, accountId, productId);
        if (!before) throw notFound('product', productId);
        const merged = validOrThrow(validateProductInput({ ...before, ...request.body, kind: before.kind }));
        if (request.body.requiresProductIds) {
          await checkRequiredProducts(trx, accountId, merged.requiresProductIds);
        }
        if (
          merged.code !== before.code &&
          (await productRepository.findByCode(trx, accountId, merged.code))
        ) {
          throw new AppError('CONFLICT', duplicateProductCode(merged.code));
        }
        const after = await conflictOnDuplicate(
          productRepository.update(trx, accountId, productId, merged),
          duplicateProductCode(merged.code),
        );
        if (!after) throw notFound('product', productId);
        await audit({
          chainId: accountId,
          action: 'product.updated',
          targetType: 'product',
          targetId: productId,
          changes: changeSummary(before, after, AUDITED),
        });
        return after;
      });
      return toProduct(row);
    },
  );
}
