// GET …/organizations/{organizationId}/agents — the agents grid: every agent with its Harvest column
// (Harvesting, No License, Not in plan, Restricted, Offline, Off) and the organization's agent limit.

import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { harvestPicture } from '../../compliance/harvest-service.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Agent, HarvestSummary, summaryOf, toAgent } from './agent-schema.ts';

export function listAgents(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/agents`,
    {
      schema: {
        summary: 'List harvesting agents with their Harvest column',
        tags: ['agents'],
        params: OrganizationParams,
        response: {
          200: Type.Object({ data: Type.Array(Agent), harvesting: HarvestSummary }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ADMIN_READ);
      const picture = await harvestPicture(ctx.db, scope, ctx.clock());
      return {
        data: picture.agents.map((a) => toAgent(a, picture.states.get(a.id))),
        harvesting: summaryOf(picture),
      };
    },
  );
}
