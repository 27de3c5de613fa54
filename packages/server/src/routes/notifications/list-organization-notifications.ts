// GET /v1/accounts/{accountId}/organizations/{organizationId}/notifications — what the vendor did
// about the organization's change requests, newest first (LICENSING or REPORTING privilege).
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses } from '../../http/schemas.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Inbox, InboxQuery, readInbox } from './notification-schema.ts';

export function listOrganizationNotifications(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations/:organizationId/notifications',
    {
      schema: {
        summary: "An organization's notifications (customer side)",
        tags: ['notifications'],
        params: OrganizationParams,
        querystring: InboxQuery,
        response: { 200: Inbox, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      await requireOrgPrivilege(
        request,
        ctx,
        { accountId, organizationId },
        ['LICENSING', 'REPORTING'],
        `No organization ${organizationId}`,
      );
      return readInbox(ctx, accountId, { audience: 'ORGANIZATION', organizationId }, request.query);
    },
  );
}
