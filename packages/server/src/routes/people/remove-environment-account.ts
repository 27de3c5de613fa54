// DELETE …/people/{personId}/environments/{environmentId} — remove a person's account in an
// environment and their memberships of its permission groups (so it stops counting there).
import { notFound } from '@licentia/core';
import { personRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { PersonEnvironmentParams } from './person-schema.ts';

export function removeEnvironmentAccount(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/people/:personId/environments/:environmentId`,
    {
      schema: {
        summary: "Remove a person's account in an environment",
        tags: ['people'],
        params: PersonEnvironmentParams,
        response: { 204: { type: 'null', description: 'Removed' }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, personId, environmentId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_WRITE, `No person ${personId}`);
      await mutate(ctx, request, async (trx, audit) => {
        const removed = await personRepository.removeEnvironmentAccount(
          trx,
          accountId,
          organizationId,
          environmentId,
          personId,
        );
        if (!removed) throw notFound('environment account', `${personId}@${environmentId}`);
        await audit({
          chainId: accountId,
          action: 'person.environment_removed',
          targetType: 'person',
          targetId: personId,
          changes: { environmentId },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
