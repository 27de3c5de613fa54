// POST /v1/accounts/{accountId}/products/{productId}/features — add an entitlement to a product.
import { AppError, validateFeatureInput } from '@licentia/core';
import { featureRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate, validOrThrow } from './input-errors.ts';
import { ProductParams } from './product-schema.ts';
import { requireProduct } from './product-scope.ts';
import { Feature, FeatureBody, toFeature } from './release-feature-schema.ts';

const duplicate = (productId: string, code: string) =>
  `Product ${productId} already has a feature ${code}; feature codes are unique per product`;

export function createFeature(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/products/:productId/features',
    {
      schema: {
        summary: 'Create a feature (entitlement) of a product',
        tags: ['catalog'],
        params: ProductParams,
        body: FeatureBody,
        response: { 201: Feature, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, productId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No product ${productId}`);
      const input = validOrThrow(validateFeatureInput(request.body));
      const row = await mutate(ctx, request, async (trx, audit) => {
        await requireProduct(trx, accountId, productId, { share: true });
        if (await featureRepository.findByCode(trx, accountId, productId, input.code)) {
          throw new AppError('CONFLICT', duplicate(productId, input.code));
        }
        const feature = await conflictOnDuplicate(
          featureRepository.insert(trx, accountId, { id: ctx.newId('feature'), productId, ...input }),
          duplicate(productId, input.code),
        );
        await audit({
          chainId: accountId,
          action: 'feature.created',
          targetType: 'feature',
          targetId: feature.id,
          changes: { productId, ...input },
        });
        return feature;
      });
      return reply.code(201).send(toFeature(row));
    },
  );
}
