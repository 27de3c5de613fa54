// POST /v1/accounts/{accountId}/policies — a license template for one product of the account.
import { validatePolicyInput } from '@licentia/core';
import { policyRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { validOrThrow } from '../catalog/input-errors.ts';
import { requireProduct } from '../catalog/product-scope.ts';
import { Policy, PolicyBody, toPolicy } from './policy-schema.ts';

export function createPolicy(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/policies',
    {
      schema: {
        summary: 'Create a policy (license template) for a product',
        tags: ['policies'],
        params: AccountParams,
        body: PolicyBody,
        response: { 201: Policy, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No account ${accountId}`);
      const { productId, ...input } = request.body;
      const terms = validOrThrow(validatePolicyInput(input));
      const row = await mutate(ctx, request, async (trx, audit) => {
        // Locked so the product cannot be deleted while its new policy commits.
        await requireProduct(trx, accountId, productId, { share: true });
        const policy = await policyRepository.insert(trx, accountId, {
          id: ctx.newId('policy'),
          productId,
          terms,
        });
        await audit({
          chainId: accountId,
          action: 'policy.created',
          targetType: 'policy',
          targetId: policy.id,
          changes: { productId, ...terms },
        });
        return policy;
      });
      return reply.code(201).send(toPolicy(row));
    },
  );
}
