// Change requests: customers ask (organization side), the vendor works its queue (account side).
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { commentChangeRequest } from './comment-change-request.ts';
import { commentOrganizationChangeRequest } from './comment-organization-change-request.ts';
import { createChangeRequest } from './create-change-request.ts';
import { getChangeRequest } from './get-change-request.ts';
import { getOrganizationChangeRequest } from './get-organization-change-request.ts';
import { listChangeRequestQueue } from './list-change-request-queue.ts';
import { listOrganizationChangeRequests } from './list-organization-change-requests.ts';
import { setChangeRequestStatus } from './set-change-request-status.ts';

export function registerChangeRequestRoutes(app: App, ctx: AppContext): void {
  createChangeRequest(app, ctx);
  listOrganizationChangeRequests(app, ctx);
  getOrganizationChangeRequest(app, ctx);
  commentOrganizationChangeRequest(app, ctx);
  listChangeRequestQueue(app, ctx);
  getChangeRequest(app, ctx);
  setChangeRequestStatus(app, ctx);
  commentChangeRequest(app, ctx);
}
