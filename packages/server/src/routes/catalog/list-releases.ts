// GET /v1/accounts/{accountId}/products/{productId}/releases — ordered by semantic version, lowest
// first; the cursor is the last version of the previous page (ids are not in version order).
import { compareVersions } from '@licentia/core';
import { releaseRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { ProductParams } from './product-schema.ts';
import { requireProduct } from './product-scope.ts';
import { Release, toRelease } from './release-feature-schema.ts';

const ReleaseListQuery = Type.Object(
  {
    limit: PageQuery.properties.limit,
    cursor: Type.Optional(Type.String({ maxLength: 300, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);

export function listReleases(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/products/:productId/releases',
    {
      schema: {
        summary: 'List the releases of a product by semantic version',
        tags: ['catalog'],
        params: ProductParams,
        querystring: ReleaseListQuery,
        response: { 200: pageOf(Release), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, productId } = request.params;
      guard(request, 'catalog:read', { accountId }, `No product ${productId}`);
      await requireProduct(ctx.db, accountId, productId);
      const { limit, cursor } = request.query;
      const sorted = (await releaseRepository.listAll(ctx.db, accountId, productId)).sort((a, b) =>
        compareVersions(a.version, b.version),
      );
      const rest =
        cursor === undefined ? sorted : sorted.filter((r) => compareVersions(r.version, cursor) > 0);
      const data = rest.slice(0, limit);
      const nextCursor = rest.length > limit ? (data.at(-1)?.version ?? null) : null;
      return { data: data.map(toRelease), nextCursor };
    },
  );
}
