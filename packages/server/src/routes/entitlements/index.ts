// Entitlements of customer organizations (MISSION D3): integrations, add-ons, database instances and
// purchased user licenses. Vendor-managed; organizations read them.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { createEntitlement } from './create-entitlement.ts';
import { deleteEntitlement } from './delete-entitlement.ts';
import { listEntitlements } from './list-entitlements.ts';
import { updateEntitlement } from './update-entitlement.ts';

export function registerEntitlementRoutes(app: App, ctx: AppContext): void {
  createEntitlement(app, ctx);
  listEntitlements(app, ctx);
  updateEntitlement(app, ctx);
  deleteEntitlement(app, ctx);
}
