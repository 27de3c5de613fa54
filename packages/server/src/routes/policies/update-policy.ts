// PATCH /v1/accounts/{accountId}/policies/{policyId} — the stored terms merged with the patch are
// validated as a whole, so a patch cannot leave a policy the core would refuse at creation.
// Licenses already issued keep the model and dates they were issued with.
import { notFound, validatePolicyInput } from '@licentia/core';
import { policyRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { changeSummary } from '../catalog/change-summary.ts';
import { validOrThrow } from '../catalog/input-errors.ts';
import { Policy, PolicyParams, PolicyPatch, termsOf, toPolicy } from './policy-schema.ts';

export function updatePolicy(app: App, ctx: AppContext): void {
  app.patch(
    '/v1/accounts/:accountId/policies/:policyId',
    {
      schema: {
        summary: 'Update a policy',
        tags: ['policies'],
        params: PolicyParams,
        body: PolicyPatch,
        response: { 200: Policy, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, policyId } = request.params;
      guard(request, 'catalog:write', { accountId }, `No policy ${policyId}`);
      const row = await mutate(ctx, request, async (trx, audit) => {
        const before = await policyRepository.get(trx, accountId, policyId);
        if (!before) throw notFound('policy', policyId);
        const old = termsOf(before);
        const merged = validOrThrow(validatePolicyInput({ ...old, ...request.body }));
        const after = await policyRepository.update(trx, accountId, policyId, merged, ctx.clock());
        if (!after) throw notFound('policy', policyId);
        await audit({
          chainId: accountId,
          action: 'policy.updated',
          targetType: 'policy',
          targetId: policyId,
          changes: changeSummary(old, termsOf(after)),
        });
        return after;
      });
      return toPolicy(row);
    },
  );
}
