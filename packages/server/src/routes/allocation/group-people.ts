// PUT and DELETE …/allocation/groups/{groupId}/people/{personId} — put a person in a group or take
// them out. Only that person is recomputed, in the same transaction. Idempotent.
import { notFound } from '@licentia/core';
import { allocationMembershipRepository, allocationRepository, personRepository } from '@licentia/db';
import { Type } from 'typebox';
import { recomputeAllocation } from '../../allocation/recompute-allocation.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { orgAccess } from '../customer-orgs/org-access.ts';
import { ALLOCATION_PATH, ALLOCATION_WRITE, allocationMutation } from './allocation-access.ts';
import { GroupPersonParams, RecomputeSchema, toRecompute } from './allocation-schema.ts';

const Answer = Type.Object({
  groupId: Type.String(),
  personId: Type.String(),
  recompute: Nullable(RecomputeSchema),
});

export function groupPeople(app: App, ctx: AppContext): void {
  for (const method of ['PUT', 'DELETE'] as const) {
    const adding = method === 'PUT';
    app.route({
      method,
      url: `${ALLOCATION_PATH}/groups/:groupId/people/:personId`,
      schema: {
        summary: adding ? 'Add a person to an allocation group' : 'Remove a person from an allocation group',
        tags: ['allocation'],
        params: GroupPersonParams,
        response: { 200: Answer, ...errorResponses },
      },
      handler: async (request) => {
        const { accountId, organizationId, groupId, personId } = request.params;
        const scope = { accountId, organizationId };
        await orgAccess(request, ctx, scope, ALLOCATION_WRITE, `No allocation group ${groupId}`);
        return allocationMutation(ctx, request, scope, async (trx, audit) => {
          if (!(await allocationRepository.getGroup(trx, scope, groupId)))
            throw notFound('allocation group', groupId);
          if (!(await personRepository.get(trx, accountId, organizationId, personId)))
            throw notFound('person', personId);
          const changed = adding
            ? await allocationMembershipRepository.addPerson(trx, scope, groupId, personId)
            : await allocationMembershipRepository.removePerson(trx, scope, groupId, personId);
          if (!changed) return { groupId, personId, recompute: null };
          const recompute = await recomputeAllocation(
            trx,
            ctx,
            scope,
            { personIds: [personId] },
            'GROUP_MEMBERSHIP',
          );
          await audit({
            chainId: accountId,
            action: adding ? 'allocation.group_person_added' : 'allocation.group_person_removed',
            targetType: 'allocation_group',
            targetId: groupId,
            changes: { personId },
          });
          return { groupId, personId, recompute: toRecompute(recompute) };
        });
      },
    });
  }
}
