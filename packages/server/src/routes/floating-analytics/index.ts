// Floating license usage analytics (issue 4, C3): one read-only route over floating_events.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { getFloatingAnalytics } from './get-floating-analytics.ts';

export function registerFloatingAnalyticsRoutes(app: App, ctx: AppContext): void {
  getFloatingAnalytics(app, ctx);
}
