// DELETE …/organizations/{organizationId}/agents/{agentId} — remove an agent (it frees its harvesting
// license; its idle reports go with it). Administration: refused while restricted.
import { notFound } from '@licentia/core';
import { harvestingRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { refuseWhenRestricted } from '../../compliance/require-capability.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { AgentParams } from './agent-schema.ts';

export function deleteAgent(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/agents/:agentId`,
    {
      schema: {
        summary: 'Remove a harvesting agent',
        tags: ['agents'],
        params: AgentParams,
        response: { 204: { type: 'null', description: 'Removed' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { agentId, ...scope } = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE, `No agent ${agentId}`);
      await refuseWhenRestricted(request, ctx.db, scope, 'ADMINISTRATION');
      await mutate(ctx, request, async (trx, audit) => {
        if (!(await harvestingRepository.deleteAgent(trx, scope, agentId))) throw notFound('agent', agentId);
        await audit({
          chainId: scope.accountId,
          action: 'agent.removed',
          targetType: 'harvesting-agent',
          targetId: agentId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
