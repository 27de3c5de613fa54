// DELETE /v1/accounts/{accountId}/products/{productId}/features/{featureId}. Policies keep their
// entitlement codes: an entitlement names a capability the app checks, not a catalog row.
import { notFound } from '@licentia/core';
import { featureRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireProduct } from './product-scope.ts';
import { FeatureParams } from './release-feature-schema.ts';

export function deleteFeature(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/accounts/:accountId/products/:productId/features/:featureId',
    {
      schema: {
        summary: 'Delete a feature',
        tags: ['catalog'],
        params: FeatureParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, productId, featureId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No feature ${featureId}`);
      await mutate(ctx, request, async (trx, audit) => {
        await requireProduct(trx, accountId, productId);
        const feature = await featureRepository.delete(trx, accountId, productId, featureId);
        if (!feature) throw notFound('feature', featureId);
        await audit({
          chainId: accountId,
          action: 'feature.deleted',
          targetType: 'feature',
          targetId: featureId,
          changes: { productId, code: feature.code, name: feature.name },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
