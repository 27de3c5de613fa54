// Usage monitoring of customer organizations: imports, usage events, denials, the 30-day user count.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { getUsageSettings } from './get-usage-settings.ts';
import { getUserCount } from './get-user-count.ts';
import { importUsageRoute } from './import-usage.ts';
import { listDenials } from './list-denials.ts';
import { listUsageEvents } from './list-usage-events.ts';
import { updateUsageSettings } from './update-usage-settings.ts';

export function registerUsageRoutes(app: App, ctx: AppContext): void {
  importUsageRoute(app, ctx);
  getUserCount(app, ctx);
  listDenials(app, ctx);
  listUsageEvents(app, ctx);
  getUsageSettings(app, ctx);
  updateUsageSettings(app, ctx);
}
