// PATCH …/environments/{environmentId} — rename an environment or attach a test or training copy to
// another production environment. The kind never changes: create a new environment instead.
import { AppError, notFound, sameNamedEnvironment, validateEnvironmentInput } from '@licentia/core';
import { environmentRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate, validOrThrow } from '../catalog/input-errors.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { Environment, EnvironmentParams, UpdateEnvironmentBody } from './environment-schema.ts';
import { environmentView } from './environment-view.ts';

export function updateEnvironment(app: App, ctx: AppContext): void {
  app.patch(
    `${ORG_PATH}/environments/:environmentId`,
    {
      schema: {
        summary: 'Rename or re-attach an environment',
        tags: ['environments'],
        params: EnvironmentParams,
        body: UpdateEnvironmentBody,
        response: { 200: Environment, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, organizationId, environmentId } = request.params;
      const scope = { accountId, organizationId };
      await orgAccess(request, ctx, scope, ADMIN_WRITE, `No environment ${environmentId}`);
      await mutate(ctx, request, async (trx, audit) => {
        const all = await environmentRepository.listAll(trx, accountId, organizationId);
        const before = all.find((e) => e.id === environmentId);
        if (!before) throw notFound('environment', environmentId);
        const others = all.filter((e) => e.id !== environmentId);
        const input = validOrThrow(
          validateEnvironmentInput(
            {
              name: request.body.name ?? before.name,
              kind: before.kind,
              productionEnvironmentId: request.body.productionEnvironmentId ?? before.productionEnvironmentId,
            },
            others,
          ),
        );
        const duplicate = `An environment named ${input.name} already exists`;
        if (sameNamedEnvironment(input.name, others)) throw new AppError('CONFLICT', duplicate);
        await conflictOnDuplicate(
          environmentRepository.update(trx, accountId, organizationId, environmentId, {
            name: input.name,
            productionEnvironmentId: input.productionEnvironmentId,
          }),
          duplicate,
        );
        await audit({
          chainId: accountId,
          action: 'environment.updated',
          targetType: 'environment',
          targetId: environmentId,
          changes: {
            name: { from: before.name, to: input.name },
            productionEnvironmentId: {
              from: before.productionEnvironmentId,
              to: input.productionEnvironmentId,
            },
          },
        });
      });
      return (await environmentView(ctx.db, scope, environmentId))!;
    },
  );
}
