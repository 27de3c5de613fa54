// GET /v1/accounts/{accountId}/approval-requests?status= — an organization token sees only the
// requests about its own licenses.
import { approvalRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, principalOf } from '../../http/context.ts';
import { errorResponses, PageQuery, pageOf } from '../../http/schemas.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { literals } from '../licenses/license-schema.ts';
import { APPROVAL_STATUSES, ApprovalRequest, toApprovalView } from './approval-schema.ts';

const ApprovalQuery = Type.Object(
  {
    ...PageQuery.properties,
    status: Type.Optional(literals(APPROVAL_STATUSES)),
  },
  { additionalProperties: false },
);

export function listApprovalRequests(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/approval-requests',
    {
      schema: {
        summary: 'List approval requests (license and machine transfers)',
        tags: ['approvals'],
        params: AccountParams,
        querystring: ApprovalQuery,
        response: { 200: pageOf(ApprovalRequest), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId } = request.params;
      const own = principalOf(request).organizationId ?? undefined;
      guard(request, 'license:read', { accountId, organizationId: own }, `No account ${accountId}`);
      const { limit, cursor, status } = request.query;
      const page = await approvalRepository.list(
        ctx.db,
        accountId,
        { status, organizationId: own },
        { limit, after: cursor },
      );
      return { data: page.data.map(toApprovalView), nextCursor: page.nextCursor };
    },
  );
}
