// DELETE /v1/accounts/{accountId}/policies/{policyId} — soft delete, refused while licenses that are
// not revoked were issued from it (renewals and amendments still read their policy).
import { AppError, notFound } from '@licentia/core';
import { policyRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { PolicyParams } from './policy-schema.ts';

export function deletePolicy(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/accounts/:accountId/policies/:policyId',
    {
      schema: {
        summary: 'Delete a policy (refused while unrevoked licenses use it)',
        tags: ['policies'],
        params: PolicyParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, policyId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No policy ${policyId}`);
      await mutate(ctx, request, async (trx, audit) => {
        const policy = await policyRepository.get(trx, accountId, policyId);
        if (!policy || !(await policyRepository.softDelete(trx, accountId, policyId, ctx.clock()))) {
          throw notFound('policy', policyId);
        }
        const licenses = await policyRepository.countUnrevokedLicenses(trx, accountId, policyId);
        if (licenses > 0) {
          throw new AppError(
            'CONFLICT',
            `Policy ${policyId} still has ${licenses} unrevoked license(s); revoke them or keep the policy`,
          );
        }
        await audit({
          chainId: accountId,
          action: 'policy.deleted',
          targetType: 'policy',
          targetId: policyId,
          changes: { productId: policy.productId, name: policy.name, model: policy.model },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
