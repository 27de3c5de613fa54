// Harvesting groups of an organization: …/harvesting-groups (POST, GET) and
// …/harvesting-groups/{groupId} (PATCH, DELETE). A group sets the idle time after which its agents
// harvest a lease; an agent harvests only inside a group. Changes are administration: refused to
// organization tokens while the organization's mode restricts it.
import { AppError, notFound } from '@licentia/core';
import { harvestingRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { refuseWhenRestricted } from '../../compliance/require-capability.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { ADMIN_READ, ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { GroupParams, HarvestingGroup, toGroup } from './agent-schema.ts';

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  idleMinutes: Type.Integer({
    minimum: 1,
    maximum: 10_080,
    description: 'Idle time before a lease is harvested',
  }),
};
const CreateBody = Type.Object(
  { name: fields.name, idleMinutes: Type.Optional(fields.idleMinutes) },
  { additionalProperties: false },
);
const UpdateBody = Type.Partial(Type.Object(fields), { additionalProperties: false });

const taken = (name: string) => new AppError('CONFLICT', `A harvesting group named "${name}" exists`);

export function harvestingGroupRoutes(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/harvesting-groups`,
    {
      schema: {
        summary: 'Create a harvesting group',
        tags: ['agents'],
        params: OrganizationParams,
        body: CreateBody,
        response: { 201: HarvestingGroup, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE);
      await refuseWhenRestricted(request, ctx.db, scope, 'ADMINISTRATION');
      const name = request.body.name.trim();
      const row = await mutate(ctx, request, async (trx, audit) => {
        if (await harvestingRepository.groupNameTaken(trx, scope, name)) throw taken(name);
        const group = await harvestingRepository.insertGroup(trx, scope, {
          id: ctx.newId('harvestingGroup'),
          name,
          idleMinutes: request.body.idleMinutes ?? 30,
          now: ctx.clock(),
        });
        await audit({
          chainId: scope.accountId,
          action: 'harvesting-group.created',
          targetType: 'harvesting-group',
          targetId: group.id,
          changes: { organizationId: scope.organizationId, name, idleMinutes: group.idleMinutes },
        });
        return group;
      });
      return reply.code(201).send(toGroup(row));
    },
  );

  app.get(
    `${ORG_PATH}/harvesting-groups`,
    {
      schema: {
        summary: 'List harvesting groups',
        tags: ['agents'],
        params: OrganizationParams,
        response: { 200: Type.Object({ data: Type.Array(HarvestingGroup) }), ...errorResponses },
      },
    },
    async (request) => {
      await orgAccess(request, ctx, request.params, ADMIN_READ);
      return { data: (await harvestingRepository.listGroups(ctx.db, request.params)).map(toGroup) };
    },
  );

  app.patch(
    `${ORG_PATH}/harvesting-groups/:groupId`,
    {
      schema: {
        summary: 'Rename a harvesting group or change its idle time',
        tags: ['agents'],
        params: GroupParams,
        body: UpdateBody,
        response: { 200: HarvestingGroup, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { groupId, ...scope } = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE, `No harvesting group ${groupId}`);
      await refuseWhenRestricted(request, ctx.db, scope, 'ADMINISTRATION');
      const change = { ...request.body, ...(request.body.name ? { name: request.body.name.trim() } : {}) };
      const row = await mutate(ctx, request, async (trx, audit) => {
        const current = await harvestingRepository.getGroup(trx, scope, groupId);
        if (!current) throw notFound('harvesting group', groupId);
        if (change.name && change.name.toLowerCase() !== current.name.toLowerCase()) {
          if (await harvestingRepository.groupNameTaken(trx, scope, change.name)) throw taken(change.name);
        }
        const updated = await harvestingRepository.updateGroup(trx, scope, groupId, change);
        await audit({
          chainId: scope.accountId,
          action: 'harvesting-group.updated',
          targetType: 'harvesting-group',
          targetId: groupId,
          changes: change,
        });
        return updated ?? current;
      });
      return toGroup(row);
    },
  );

  app.delete(
    `${ORG_PATH}/harvesting-groups/:groupId`,
    {
      schema: {
        summary: 'Delete a harvesting group (its agents stop harvesting)',
        tags: ['agents'],
        params: GroupParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { groupId, ...scope } = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE, `No harvesting group ${groupId}`);
      await refuseWhenRestricted(request, ctx.db, scope, 'ADMINISTRATION');
      await mutate(ctx, request, async (trx, audit) => {
        if (!(await harvestingRepository.deleteGroup(trx, scope, groupId)))
          throw notFound('harvesting group', groupId);
        await audit({
          chainId: scope.accountId,
          action: 'harvesting-group.deleted',
          targetType: 'harvesting-group',
          targetId: groupId,
        });
      });
      return reply.code(204).send(null);
    },
  );
}
