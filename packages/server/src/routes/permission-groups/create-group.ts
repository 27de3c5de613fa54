// POST …/organizations/{organizationId}/permission-groups — a permission group in one environment,
// mapped to the user-license type its members consume (USER, LIGHT or MEMBER).
import { AppError } from '@licentia/core';
import { environmentRepository, permissionGroupRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate, invalidField } from '../catalog/input-errors.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { CreateGroupBody, PermissionGroup, toGroup } from './group-schema.ts';

export function createGroup(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/permission-groups`,
    {
      schema: {
        summary: 'Create a permission group',
        tags: ['permission-groups'],
        params: OrganizationParams,
        body: CreateGroupBody,
        response: { 201: PermissionGroup, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId } = request.params;
      const body = { ...request.body, name: request.body.name.trim() };
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_WRITE);
      if (!body.name) throw invalidField('body.name', 'REQUIRED', 'name must not be blank');
      const duplicate = `A permission group named ${body.name} already exists in that environment`;
      const row = await mutate(ctx, request, async (trx, audit) => {
        if (!(await environmentRepository.get(trx, accountId, organizationId, body.environmentId))) {
          throw invalidField(
            'body.environmentId',
            'NOT_ALLOWED',
            `No environment ${body.environmentId} in this organization`,
          );
        }
        const existing = await permissionGroupRepository.list(
          trx,
          accountId,
          organizationId,
          { environmentId: body.environmentId },
          { limit: 200 },
        );
        if (existing.data.some((g) => g.name.toLowerCase() === body.name.toLowerCase())) {
          throw new AppError('CONFLICT', duplicate);
        }
        const group = await conflictOnDuplicate(
          permissionGroupRepository.insert(trx, accountId, {
            id: ctx.newId('permissionGroup'),
            organizationId,
            ...body,
          }),
          duplicate,
        );
        await audit({
          chainId: accountId,
          action: 'permission_group.created',
          targetType: 'permission_group',
          targetId: group.id,
          changes: { organizationId, ...body },
        });
        return group;
      });
      return reply.code(201).send(toGroup(row));
    },
  );
}
