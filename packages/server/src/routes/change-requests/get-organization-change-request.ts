// GET /v1/accounts/{accountId}/organizations/{organizationId}/change-requests/{changeRequestId} —
// one request of the organization with its comments; a sibling's request is a missing one.
import { notFound } from '@licentia/core';
import { changeRequestRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ChangeRequest, OrgChangeRequestParams, toChangeRequestView } from './change-request-schema.ts';

export function getOrganizationChangeRequest(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations/:organizationId/change-requests/:changeRequestId',
    {
      schema: {
        summary: 'Get a change request with its comments (customer side)',
        tags: ['change-requests'],
        params: OrgChangeRequestParams,
        response: { 200: ChangeRequest, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, changeRequestId } = request.params;
      await requireOrgPrivilege(
        request,
        ctx,
        { accountId, organizationId },
        ['LICENSING', 'REPORTING'],
        `No change request ${changeRequestId}`,
      );
      const row = await changeRequestRepository.get(ctx.db, accountId, changeRequestId, { organizationId });
      if (!row) throw notFound('change request', changeRequestId);
      return toChangeRequestView(row, await changeRequestRepository.comments(ctx.db, accountId, row.id));
    },
  );
}
