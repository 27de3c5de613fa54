// Notifications of change-request steps: the vendor's inbox and each organization's.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { listNotifications } from './list-notifications.ts';
import { listOrganizationNotifications } from './list-organization-notifications.ts';
import { markNotificationRead } from './mark-notification-read.ts';
import { markOrganizationNotificationRead } from './mark-organization-notification-read.ts';

export function registerNotificationRoutes(app: App, ctx: AppContext): void {
  listNotifications(app, ctx);
  markNotificationRead(app, ctx);
  listOrganizationNotifications(app, ctx);
  markOrganizationNotificationRead(app, ctx);
}
