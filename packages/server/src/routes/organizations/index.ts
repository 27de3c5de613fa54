// Customer organizations under a vendor account.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createOrganization } from './create-organization.ts';
import { deleteOrganization } from './delete-organization.ts';
import { getOrganization } from './get-organization.ts';
import { listOrganizations } from './list-organizations.ts';
import { updateOrganization } from './update-organization.ts';

export function registerOrganizationRoutes(app: App, ctx: AppContext): void {
  createOrganization(app, ctx);
  listOrganizations(app, ctx);
  getOrganization(app, ctx);
  updateOrganization(app, ctx);
  deleteOrganization(app, ctx);
}
