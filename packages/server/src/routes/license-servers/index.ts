// Monitored license servers of customer organizations (the sources of imported usage).
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createLicenseServer } from './create-license-server.ts';
import { deleteLicenseServer } from './delete-license-server.ts';
import { getLicenseServer } from './get-license-server.ts';
import { listLicenseServers } from './list-license-servers.ts';
import { updateLicenseServer } from './update-license-server.ts';

export function registerLicenseServerRoutes(app: App, ctx: AppContext): void {
  createLicenseServer(app, ctx);
  listLicenseServers(app, ctx);
  getLicenseServer(app, ctx);
  updateLicenseServer(app, ctx);
  deleteLicenseServer(app, ctx);
}
