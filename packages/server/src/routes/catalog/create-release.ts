// POST /v1/accounts/{accountId}/products/{productId}/releases — publish a dated, strictly semver release.
import { AppError, validateReleaseInput } from '@licentia/core';
import { releaseRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate, validOrThrow } from './input-errors.ts';
import { ProductParams } from './product-schema.ts';
import { requireProduct } from './product-scope.ts';
import { Release, ReleaseBody, toRelease } from './release-feature-schema.ts';

const duplicate = (productId: string, version: string) =>
  `Product ${productId} already has a release ${version}; versions are unique per product`;

export function createRelease(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/products/:productId/releases',
    {
      schema: {
        summary: 'Create a release of a product',
        tags: ['catalog'],
        params: ProductParams,
        body: ReleaseBody,
        response: { 201: Release, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, productId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No product ${productId}`);
      const input = validOrThrow(validateReleaseInput(request.body));
      const row = await mutate(ctx, request, async (trx, audit) => {
        await requireProduct(trx, accountId, productId, { share: true });
        if (await releaseRepository.findByVersion(trx, accountId, productId, input.version)) {
          throw new AppError('CONFLICT', duplicate(productId, input.version));
        }
        const release = await conflictOnDuplicate(
          releaseRepository.insert(trx, accountId, { id: ctx.newId('release'), productId, ...input }),
          duplicate(productId, input.version),
        );
        await audit({
          chainId: accountId,
          action: 'release.created',
          targetType: 'release',
          targetId: release.id,
          changes: { productId, version: release.version, releasedAt: release.releasedAt.toISOString() },
        });
        return release;
      });
      return reply.code(201).send(toRelease(row));
    },
  );
}
