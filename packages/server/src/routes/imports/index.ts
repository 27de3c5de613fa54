// CSV imports of customer-organization data (issue 5 item 9): people, permission groups, assignments.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { importOrganizationData } from './import-organization-data.ts';

export function registerImportRoutes(app: App, ctx: AppContext): void {
  importOrganizationData(app, ctx);
}
