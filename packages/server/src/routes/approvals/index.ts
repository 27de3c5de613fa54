// Approval requests: the two-person rule for license and machine transfers.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { decideApprovalRequest } from './decide-approval-request.ts';
import { listApprovalRequests } from './list-approval-requests.ts';

export function registerApprovalRoutes(app: App, ctx: AppContext): void {
  listApprovalRequests(app, ctx);
  decideApprovalRequest(app, ctx);
}
