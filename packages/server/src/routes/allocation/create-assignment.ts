// POST …/allocation/assignments — assign a license product to a person directly or to a group. A
// person's assignment recomputes that person; a group's recomputes everyone at or below the group.
// The code need not be held yet (an assignment made before the license file arrives grants nothing
// until it does).
import { AppError, notFound } from '@licentia/core';
import { allocationMembershipRepository, allocationRepository, personRepository } from '@licentia/db';
import { Type } from 'typebox';
import { recomputeAllocation } from '../../allocation/recompute-allocation.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_WRITE, allocationMutation } from './allocation-access.ts';
import {
  Assignment,
  CreateAssignmentBody,
  RecomputeSchema,
  toAssignment,
  toRecompute,
} from './allocation-schema.ts';

export function createAssignment(app: App, ctx: AppContext): void {
  app.post(
    `${ALLOCATION_PATH}/assignments`,
    {
      schema: {
        summary: 'Assign a license product to a person or a group',
        tags: ['allocation'],
        params: OrganizationParams,
        body: CreateAssignmentBody,
        response: {
          201: Type.Object({ ...Assignment.properties, recompute: RecomputeSchema }),
          409: Problem,
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const scope = request.params;
      const { productCode, personId, groupId } = request.body;
      if ((personId === undefined) === (groupId === undefined))
        throw new AppError('INVALID_FIELD', 'Give exactly one of personId and groupId', {
          field: '/body/personId',
        });
      await orgAccess(request, ctx, scope, ALLOCATION_WRITE);
      const answer = await allocationMutation(ctx, request, scope, async (trx, audit) => {
        if (personId && !(await personRepository.get(trx, scope.accountId, scope.organizationId, personId)))
          throw notFound('person', personId);
        if (groupId && !(await allocationRepository.getGroup(trx, scope, groupId)))
          throw notFound('allocation group', groupId);
        const row = await allocationMembershipRepository.insertAssignment(trx, scope, {
          id: ctx.newId('allocationAssignment'),
          productCode,
          personId: personId ?? null,
          groupId: groupId ?? null,
        });
        if (!row) throw new AppError('CONFLICT', `${productCode} is already assigned there`);
        const recompute = await recomputeAllocation(
          trx,
          ctx,
          scope,
          groupId ? { groupIds: [groupId] } : { personIds: [personId!] },
          'ASSIGNMENT',
        );
        await audit({
          chainId: scope.accountId,
          action: 'allocation.assigned',
          targetType: 'allocation_assignment',
          targetId: row.id,
          changes: request.body,
        });
        return { ...toAssignment(row), recompute: toRecompute(recompute)! };
      });
      return reply.code(201).send(answer);
    },
  );
}
