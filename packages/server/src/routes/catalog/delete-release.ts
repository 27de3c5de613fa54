// DELETE /v1/accounts/{accountId}/products/{productId}/releases/{releaseId} — withdraw a release.
import { notFound } from '@licentia/core';
import { releaseRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { requireProduct } from './product-scope.ts';
import { ReleaseParams } from './release-feature-schema.ts';

export function deleteRelease(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/accounts/:accountId/products/:productId/releases/:releaseId',
    {
      schema: {
        summary: 'Delete a release',
        tags: ['catalog'],
        params: ReleaseParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, productId, releaseId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No release ${releaseId}`);
      await mutate(ctx, request, async (trx, audit) => {
        await requireProduct(trx, accountId, productId);
        const release = await releaseRepository.delete(trx, accountId, productId, releaseId);
        if (!release) throw notFound('release', releaseId);
        await audit({
          chainId: accountId,
          action: 'release.deleted',
          targetType: 'release',
          targetId: releaseId,
          changes: { productId, version: release.version, releasedAt: release.releasedAt.toISOString() },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
