// DELETE …/environments/{environmentId} — remove an environment with its accounts and permission
// groups. A production environment with attached copies or installed licenses is refused (409).
import { AppError, deletionBlocker, notFound } from '@licentia/core';
import { environmentRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { EnvironmentParams } from './environment-schema.ts';

export function deleteEnvironment(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/environments/:environmentId`,
    {
      schema: {
        summary: 'Delete an environment',
        tags: ['environments'],
        params: EnvironmentParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, environmentId } = request.params;
      await orgAccess(
        request,
        ctx,
        { accountId, organizationId },
        ADMIN_WRITE,
        `No environment ${environmentId}`,
      );
      await mutate(ctx, request, async (trx, audit) => {
        const all = await environmentRepository.listAll(trx, accountId, organizationId);
        const environment = all.find((e) => e.id === environmentId);
        if (!environment) throw notFound('environment', environmentId);
        const installed = await environmentRepository.countInstalledLicenses(trx, accountId, environmentId);
        const blocker = deletionBlocker(environment, all, installed);
        if (blocker) throw new AppError('CONFLICT', blocker);
        await environmentRepository.delete(trx, accountId, organizationId, environmentId);
        await audit({
          chainId: accountId,
          action: 'environment.deleted',
          targetType: 'environment',
          targetId: environmentId,
          changes: { name: environment.name, kind: environment.kind },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
