// DELETE …/allocation/assignments/{assignmentId} — withdraw an assignment and recompute the person,
// or everyone at or below the group, it reached.
import { notFound } from '@licentia/core';
import { allocationMembershipRepository } from '@licentia/db';
import { Type } from 'typebox';
import { recomputeAllocation } from '../../allocation/recompute-allocation.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { ALLOCATION_PATH, ALLOCATION_WRITE, allocationMutation } from './allocation-access.ts';
import { AssignmentParams, RecomputeSchema, toRecompute } from './allocation-schema.ts';

export function deleteAssignment(app: App, ctx: AppContext): void {
  app.delete(
    `${ALLOCATION_PATH}/assignments/:assignmentId`,
    {
      schema: {
        summary: 'Withdraw a license assignment',
        tags: ['allocation'],
        params: AssignmentParams,
        response: { 200: Type.Object({ recompute: RecomputeSchema }), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, assignmentId } = request.params;
      const scope = { accountId, organizationId };
      await orgAccess(request, ctx, scope, ALLOCATION_WRITE, `No assignment ${assignmentId}`);
      return allocationMutation(ctx, request, scope, async (trx, audit) => {
        const row = await allocationMembershipRepository.getAssignment(trx, scope, assignmentId);
        if (!row) throw notFound('assignment', assignmentId);
        await allocationMembershipRepository.deleteAssignment(trx, scope, assignmentId);
        const target = row.groupId ? { groupIds: [row.groupId] } : { personIds: [row.personId!] };
        const recompute = await recomputeAllocation(trx, ctx, scope, target, 'ASSIGNMENT');
        await audit({
          chainId: accountId,
          action: 'allocation.unassigned',
          targetType: 'allocation_assignment',
          targetId: assignmentId,
          changes: { productCode: row.productCode, personId: row.personId, groupId: row.groupId },
        });
        return { recompute: toRecompute(recompute)! };
      });
    },
  );
}
