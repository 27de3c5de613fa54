// POST …/organizations/{organizationId}/environments — add a production environment, a test or
// training copy attached to one, or a storage instance. Kinds outside the plan are refused.
import {
  AppError,
  planFeatureOfEnvironment,
  requirePlanFeature,
  sameNamedEnvironment,
  validateEnvironmentInput,
} from '@licentia/core';
import { environmentRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate, validOrThrow } from '../catalog/input-errors.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { CreateEnvironmentBody, Environment } from './environment-schema.ts';
import { environmentView } from './environment-view.ts';

export function createEnvironment(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/environments`,
    {
      schema: {
        summary: 'Create an environment',
        description:
          'TEST and TRAINING environments attach to a PRODUCTION environment and borrow its licenses.',
        tags: ['environments'],
        params: OrganizationParams,
        body: CreateEnvironmentBody,
        response: { 201: Environment, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const scope = request.params;
      const { plan } = await orgAccess(request, ctx, scope, ADMIN_WRITE);
      const feature = planFeatureOfEnvironment(request.body.kind);
      if (feature) requirePlanFeature(plan, feature);
      const created = await mutate(ctx, request, async (trx, audit) => {
        const others = await environmentRepository.listAll(trx, scope.accountId, scope.organizationId);
        const input = validOrThrow(validateEnvironmentInput(request.body, others));
        if (sameNamedEnvironment(input.name, others)) {
          throw new AppError('CONFLICT', `An environment named ${input.name} already exists`);
        }
        const row = await conflictOnDuplicate(
          environmentRepository.insert(trx, scope.accountId, {
            id: ctx.newId('environment'),
            organizationId: scope.organizationId,
            ...input,
          }),
          `An environment named ${input.name} already exists`,
        );
        await audit({
          chainId: scope.accountId,
          action: 'environment.created',
          targetType: 'environment',
          targetId: row.id,
          changes: { organizationId: scope.organizationId, ...input },
        });
        return row;
      });
      return reply.code(201).send((await environmentView(ctx.db, scope, created.id))!);
    },
  );
}
