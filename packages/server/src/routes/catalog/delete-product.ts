// DELETE /v1/accounts/{accountId}/products/{productId} — soft delete, refused while live policies
// or add-ons depend on the product (their licenses would lose their product).
import { AppError, notFound } from '@licentia/core';
import { policyRepository, productRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { ProductParams } from './product-schema.ts';

export function deleteProduct(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/accounts/:accountId/products/:productId',
    {
      schema: {
        summary: 'Delete a product (refused while it has live policies or add-ons)',
        tags: ['catalog'],
        params: ProductParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, productId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No product ${productId}`);
      await mutate(ctx, request, async (trx, audit) => {
        const product = await productRepository.get(trx, accountId, productId);
        // Delete first, then look for dependants: the row lock taken by the update makes a policy
        // or add-on being created at the same moment (which locks the product FOR SHARE) either
        // commit before our count or find the product gone.
        if (!product || !(await productRepository.softDelete(trx, accountId, productId, ctx.clock()))) {
          throw notFound('product', productId);
        }
        const policies = await policyRepository.countLiveForProduct(trx, accountId, productId);
        if (policies > 0) {
          throw new AppError(
            'CONFLICT',
            `Product ${productId} still has ${policies} live ${policies === 1 ? 'policy' : 'policies'}; delete them first`,
          );
        }
        const addOns = await productRepository.requiredBy(trx, accountId, productId);
        if (addOns.length > 0) {
          throw new AppError(
            'CONFLICT',
            `Product ${productId} is required by add-on(s) ${addOns.join(', ')}`,
          );
        }
        await audit({
          chainId: accountId,
          action: 'product.deleted',
          targetType: 'product',
          targetId: productId,
          changes: { code: product.code, name: product.name, kind: product.kind },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
