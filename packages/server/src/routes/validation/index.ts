// Online validation by licensed applications, and the vendor's view of a license's validations.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { listValidations } from './list-validations.ts';
import { validateLicenseRoute } from './validate-license.ts';
import { licensingServices } from './validation-services.ts';

export function registerValidationRoutes(app: App, ctx: AppContext): void {
  const services = licensingServices(app, ctx);
  validateLicenseRoute(app, ctx, services);
  listValidations(app, ctx);
}
