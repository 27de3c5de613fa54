// GET /v1/accounts/{accountId}/products/{productId}
import { notFound } from '@licentia/core';
import { productRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Product, ProductParams, toProduct } from './product-schema.ts';

export function getProduct(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/products/:productId',
    {
      schema: {
        summary: 'Get a product',
        tags: ['catalog'],
        params: ProductParams,
        response: { 200: Product, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, productId } = request.params;
      guard(request, 'catalog:read', { accountId }, `No product ${productId}`);
      const row = await productRepository.get(ctx.db, accountId, productId);
      if (!row) throw notFound('product', productId);
      return toProduct(row);
    },
  );
}
