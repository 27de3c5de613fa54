// GET /v1/accounts/{accountId}/policies/{policyId}
import { notFound } from '@licentia/core';
import { policyRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { Policy, PolicyParams, toPolicy } from './policy-schema.ts';

export function getPolicy(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/policies/:policyId',
    {
      schema: {
        summary: 'Get a policy',
        tags: ['policies'],
        params: PolicyParams,
        response: { 200: Policy, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, policyId } = request.params;
      guard(request, 'catalog:read', { accountId }, `No policy ${policyId}`);
      const row = await policyRepository.get(ctx.db, accountId, policyId);
      if (!row) throw notFound('policy', policyId);
      return toPolicy(row);
    },
  );
}
