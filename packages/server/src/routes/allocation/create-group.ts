// POST …/allocation/groups — create a group (organises people) or a license group (carries
// licenses). An empty group reaches nobody, so nothing is recomputed.
import { AppError } from '@licentia/core';
import { allocationRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ALLOCATION_PATH, ALLOCATION_WRITE, allocationMutation } from './allocation-access.ts';
import { AllocationGroup, CreateGroupBody, toGroup } from './allocation-schema.ts';

export function createGroup(app: App, ctx: AppContext): void {
  app.post(
    `${ALLOCATION_PATH}/groups`,
    {
      schema: {
        summary: 'Create an allocation group or license group',
        tags: ['allocation'],
        params: OrganizationParams,
        body: CreateGroupBody,
        response: { 201: AllocationGroup, 409: Problem, ...errorResponses },
      },
    },
    async (request, reply) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ALLOCATION_WRITE);
      const row = await allocationMutation(ctx, request, scope, async (trx, audit) => {
        if (await allocationRepository.groupNameTaken(trx, scope, request.body.name))
          throw new AppError('CONFLICT', `A group named ${request.body.name} already exists`, {
            field: '/body/name',
          });
        const group = await allocationRepository.insertGroup(trx, scope, {
          id: ctx.newId('allocationGroup'),
          ...request.body,
        });
        await audit({
          chainId: scope.accountId,
          action: 'allocation.group_created',
          targetType: 'allocation_group',
          targetId: group.id,
          changes: request.body,
        });
        return group;
      });
      return reply.code(201).send(toGroup(row));
    },
  );
}
