// POST …/organizations/{organizationId}/agents/{agentId}/reports — an agent reports how long the
// applications holding our floating leases on its host have been idle. An agent holding a harvesting
// license (Harvest column "Harvesting") harvests every lease idle for at least its group's idle time:
// the lease is checked in with reason HARVESTED and its seat goes to the next in line.
import { decideHarvest, type HarvestState, harvestStates, notFound } from '@licentia/core';
import { harvestingRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { harvestLeases, harvestPicture } from '../../compliance/harvest-service.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { Agent, AgentParams, toAgent } from './agent-schema.ts';

const ReportBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        {
          leaseId: Type.String({
            pattern: '^lease_[0-9a-z]{26}$',
            description: 'The floating lease the application holds',
          }),
          idleSeconds: Type.Integer({ minimum: 0, maximum: 31_536_000 }),
          application: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);

const Outcome = Type.Object({
  leaseId: Type.String(),
  harvested: Type.Boolean(),
  outcome: Type.String({
    description: 'HARVESTED, NOT_IDLE_LONG_ENOUGH, LEASE_NOT_FOUND, BORROWED, or the Harvest state',
  }),
});

export function reportIdle(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/agents/:agentId/reports`,
    {
      schema: {
        summary: 'Report idle applications holding floating leases (harvests idle ones)',
        tags: ['agents'],
        params: AgentParams,
        body: ReportBody,
        response: { 200: Type.Object({ agent: Agent, results: Type.Array(Outcome) }), ...errorResponses },
      },
    },
    async (request) => {
      const { agentId, ...scope } = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE, `No agent ${agentId}`);
      const now = ctx.clock();
      const picture = await harvestPicture(ctx.db, scope, now);
      const agent = picture.agents.find((a) => a.id === agentId);
      if (!agent) throw notFound('agent', agentId);
      // A report is a sign of life: an agent that was offline counts as online from now on.
      const online = { ...agent, lastReportAt: now };
      const others = picture.agents.map((a) => (a.id === agentId ? online : a));
      const state: HarvestState = harvestStates(others, picture.policy, now).get(agentId) ?? 'OFF';
      const group = agent.harvestingGroupId
        ? await harvestingRepository.getGroup(ctx.db, scope, agent.harvestingGroupId)
        : undefined;
      const decisions = decideHarvest(
        state,
        group?.idleMinutes ?? Number.POSITIVE_INFINITY,
        request.body.items,
      );
      const results = await mutate(ctx, request, async (trx, audit) => {
        const harvested = await harvestLeases(
          trx,
          ctx,
          scope,
          decisions.filter((d) => d.harvest).map((d) => d.leaseId),
        );
        const out: { leaseId: string; harvested: boolean; outcome: string }[] = [];
        for (const d of decisions) {
          // A lease listed twice is harvested once: the second sees it gone, as a second report would.
          const outcome = d.harvest ? (harvested.get(d.leaseId) ?? 'LEASE_NOT_FOUND') : d.outcome;
          if (d.harvest) harvested.delete(d.leaseId);
          out.push({ leaseId: d.leaseId, harvested: outcome === 'HARVESTED', outcome });
          if (outcome === 'HARVESTED') {
            await audit({
              chainId: scope.accountId,
              action: 'lease.harvested',
              targetType: 'lease',
              targetId: d.leaseId,
              changes: { agentId, idleMinutes: group?.idleMinutes ?? null, reason: 'HARVESTED' },
            });
          }
        }
        const items = request.body.items.map((item, i) => ({
          id: ctx.newId('idleReport'),
          leaseId: item.leaseId,
          application: item.application ?? null,
          idleSeconds: item.idleSeconds,
          outcome: out[i]?.outcome ?? 'UNKNOWN',
        }));
        await harvestingRepository.recordReport(trx, scope, agentId, items, now);
        return out;
      });
      return { agent: toAgent(online, state), results };
    },
  );
}
