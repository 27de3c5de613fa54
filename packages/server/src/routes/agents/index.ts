// Harvesting agents: registration per host, the agents grid with its Harvest column, idle reports
// that harvest idle floating leases, and harvesting groups.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { deleteAgent } from './delete-agent.ts';
import { harvestingGroupRoutes } from './harvesting-groups.ts';
import { listAgents } from './list-agents.ts';
import { registerAgent } from './register-agent.ts';
import { reportIdle } from './report-idle.ts';
import { updateAgent } from './update-agent.ts';

export function registerAgentRoutes(app: App, ctx: AppContext): void {
  registerAgent(app, ctx);
  listAgents(app, ctx);
  updateAgent(app, ctx);
  deleteAgent(app, ctx);
  reportIdle(app, ctx);
  harvestingGroupRoutes(app, ctx);
}
