// GET /v1/accounts/{accountId}/products — the live catalog, oldest first, optionally by kind.
import { productRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { Product, ProductListQuery, toProduct } from './product-schema.ts';

export function listProducts(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/products',
    {
      schema: {
        summary: 'List the products of an account',
        tags: ['catalog'],
        params: AccountParams,
        querystring: ProductListQuery,
        response: { 200: pageOf(Product), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      // No organization in the scope: customer organizations do not browse the vendor's catalog.
      guard(request, 'catalog:read', { accountId }, `No account ${accountId}`);
      const { limit, cursor, kind } = request.query;
      const page = await productRepository.list(ctx.db, accountId, { limit, after: cursor }, { kind });
      return { data: page.data.map(toProduct), nextCursor: page.nextCursor };
    },
  );
}
