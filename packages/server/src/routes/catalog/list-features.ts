// GET /v1/accounts/{accountId}/products/{productId}/features — oldest first.
import { featureRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses, IdParam, PageQuery, pageOf } from '../../http/schemas.ts';
import { ProductParams } from './product-schema.ts';
import { requireProduct } from './product-scope.ts';
import { Feature, toFeature } from './release-feature-schema.ts';

const FeatureListQuery = Type.Object(
  { limit: PageQuery.properties.limit, cursor: Type.Optional(IdParam('Feature', 'feat')) },
  { additionalProperties: false },
);

export function listFeatures(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/products/:productId/features',
    {
      schema: {
        summary: 'List the features of a product',
        tags: ['catalog'],
        params: ProductParams,
        querystring: FeatureListQuery,
        response: { 200: pageOf(Feature), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, productId } = request.params;
      guard(request, 'catalog:read', { accountId }, `No product ${productId}`);
      await requireProduct(ctx.db, accountId, productId);
      const { limit, cursor } = request.query;
      const page = await featureRepository.list(ctx.db, accountId, productId, { limit, after: cursor });
      return { data: page.data.map(toFeature), nextCursor: page.nextCursor };
    },
  );
}
