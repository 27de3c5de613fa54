// GET /v1/accounts/{accountId}/organizations/{organizationId}/change-requests?status= — the
// organization's own requests, oldest first (LICENSING or REPORTING privilege).
import { changeRequestRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses, pageOf } from '../../http/schemas.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ChangeRequest, StatusQuery, toChangeRequestView } from './change-request-schema.ts';

export function listOrganizationChangeRequests(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations/:organizationId/change-requests',
    {
      schema: {
        summary: "List an organization's change requests (customer side)",
        tags: ['change-requests'],
        params: OrganizationParams,
        querystring: StatusQuery,
        response: { 200: pageOf(Type.Omit(ChangeRequest, ['comments'])), ...errorResponses },
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
      const { limit, cursor, status } = request.query;
      const page = await changeRequestRepository.list(
        ctx.db,
        accountId,
        { organizationId, status },
        { limit, after: cursor },
      );
      return { data: page.data.map((row) => toChangeRequestView(row)), nextCursor: page.nextCursor };
    },
  );
}
