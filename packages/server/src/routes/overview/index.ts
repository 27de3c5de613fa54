// Who am I and what is there: the data behind the console's sign-in and overview page.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { getMe } from './get-me.ts';
import { getOverview } from './get-overview.ts';

export function registerOverviewRoutes(app: App, ctx: AppContext): void {
  getMe(app, ctx);
  getOverview(app, ctx);
}
