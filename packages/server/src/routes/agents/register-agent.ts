// POST …/organizations/{organizationId}/agents — a harvesting agent registers its host. One agent per
// host: registering the same host again (any case) answers the existing agent with 200.

import { harvestingRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { harvestPicture } from '../../compliance/harvest-service.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Agent, toAgent } from './agent-schema.ts';

const RegisterBody = Type.Object(
  {
    host: Type.String({
      minLength: 1,
      maxLength: 255,
      pattern: '\\S',
      description: 'The host the agent runs on',
    }),
  },
  { additionalProperties: false },
);

export function registerAgent(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/agents`,
    {
      schema: {
        summary: 'Register a harvesting agent for a host',
        tags: ['agents'],
        params: OrganizationParams,
        body: RegisterBody,
        response: { 200: Agent, 201: Agent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE);
      const host = request.body.host.trim();
      const { agent, created } = await mutate(ctx, request, async (trx, audit) => {
        const result = await harvestingRepository.register(trx, scope, {
          id: ctx.newId('harvestingAgent'),
          host,
          now: ctx.clock(),
        });
        if (result.created) {
          await audit({
            chainId: scope.accountId,
            action: 'agent.registered',
            targetType: 'harvesting-agent',
            targetId: result.agent.id,
            changes: { organizationId: scope.organizationId, host },
          });
        }
        return result;
      });
      const picture = await harvestPicture(ctx.db, scope, ctx.clock());
      return reply.code(created ? 201 : 200).send(toAgent(agent, picture.states.get(agent.id)));
    },
  );
}
