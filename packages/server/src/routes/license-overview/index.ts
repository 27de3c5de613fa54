// The license overview of customer organizations (issue 5): the four tabs, the CSV export of the
// Users tab, and the plan (License level) the vendor sets.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { exportUserLicenses } from './export-user-licenses.ts';
import { getLicenseOverview } from './get-license-overview.ts';
import { setPlan } from './set-plan.ts';

export function registerLicenseOverviewRoutes(app: App, ctx: AppContext): void {
  getLicenseOverview(app, ctx);
  exportUserLicenses(app, ctx);
  setPlan(app, ctx);
}
