// PATCH …/organizations/{organizationId}/agents/{agentId} — put an agent into a harvesting group (or
// out of it, with null) and turn its harvesting on or off. Administration: refused to organization
// tokens while the organization's mode restricts it.
import { notFound } from '@licentia/core';
import { harvestingRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { harvestPicture } from '../../compliance/harvest-service.ts';
import { refuseWhenRestricted } from '../../compliance/require-capability.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { Agent, AgentParams, GroupId, toAgent } from './agent-schema.ts';

const UpdateBody = Type.Object(
  {
    harvestingGroupId: Type.Optional(Nullable(GroupId)),
    harvestingEnabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export function updateAgent(app: App, ctx: AppContext): void {
  app.patch(
    `${ORG_PATH}/agents/:agentId`,
    {
      schema: {
        summary: 'Change the harvesting group and harvesting of an agent',
        description:
          'Agents beyond the agent limit (the user limit) show "No License" in the Harvest column and do not harvest.',
        tags: ['agents'],
        params: AgentParams,
        body: UpdateBody,
        response: { 200: Agent, ...errorResponses },
      },
    },
    async (request) => {
      const { agentId, ...scope } = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE, `No agent ${agentId}`);
      await refuseWhenRestricted(request, ctx.db, scope, 'ADMINISTRATION');
      const change = request.body;
      const row = await mutate(ctx, request, async (trx, audit) => {
        if (
          change.harvestingGroupId &&
          !(await harvestingRepository.getGroup(trx, scope, change.harvestingGroupId))
        )
          throw notFound('harvesting group', change.harvestingGroupId);
        const updated = await harvestingRepository.updateAgent(trx, scope, agentId, change, ctx.clock());
        if (!updated) throw notFound('agent', agentId);
        await audit({
          chainId: scope.accountId,
          action: 'agent.updated',
          targetType: 'harvesting-agent',
          targetId: agentId,
          changes: change,
        });
        return updated;
      });
      const picture = await harvestPicture(ctx.db, scope, ctx.clock());
      return toAgent(row, picture.states.get(row.id));
    },
  );
}
