// Environments of customer organizations (MISSION D1): production, test, training and storage, and
// where the vendor installs product licenses.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createEnvironment } from './create-environment.ts';
import { deleteEnvironment } from './delete-environment.ts';
import { getEnvironment } from './get-environment.ts';
import { installLicense } from './install-license.ts';
import { listEnvironments } from './list-environments.ts';
import { updateEnvironment } from './update-environment.ts';

export function registerEnvironmentRoutes(app: App, ctx: AppContext): void {
  createEnvironment(app, ctx);
  listEnvironments(app, ctx);
  getEnvironment(app, ctx);
  updateEnvironment(app, ctx);
  deleteEnvironment(app, ctx);
  installLicense(app, ctx);
}
