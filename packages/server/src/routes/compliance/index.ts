// Compliance (issue 7, E3–E5): modes per license with reason and remedy, their history, counted users
// per day, the vendor's settings and extensions, and license server status.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { evaluateComplianceRoute } from './evaluate-compliance.ts';
import { getCompliance } from './get-compliance.ts';
import { listComplianceHistory } from './list-compliance-history.ts';
import { listLicenseServerStatus } from './list-license-server-status.ts';
import { listUserCounts } from './list-user-counts.ts';
import { reportLicenseServerStatus } from './report-license-server-status.ts';
import { updateLicenseCompliance } from './update-license-compliance.ts';

export function registerComplianceRoutes(app: App, ctx: AppContext): void {
  getCompliance(app, ctx);
  evaluateComplianceRoute(app, ctx);
  listComplianceHistory(app, ctx);
  listUserCounts(app, ctx);
  updateLicenseCompliance(app, ctx);
  listLicenseServerStatus(app, ctx);
  reportLicenseServerStatus(app, ctx);
}
