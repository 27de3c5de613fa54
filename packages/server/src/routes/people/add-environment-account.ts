// PUT …/people/{personId}/environments/{environmentId} — give a person an account in an environment.
// Idempotent: an existing account is left as it is.
import { notFound } from '@licentia/core';
import { environmentRepository, personRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { PersonDetail, PersonEnvironmentParams } from './person-schema.ts';
import { personDetail } from './person-view.ts';

export function addEnvironmentAccount(app: App, ctx: AppContext): void {
  app.put(
    `${ORG_PATH}/people/:personId/environments/:environmentId`,
    {
      schema: {
        summary: 'Give a person an account in an environment',
        tags: ['people'],
        params: PersonEnvironmentParams,
        response: { 200: PersonDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId, environmentId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_WRITE, `No person ${personId}`);
      await mutate(ctx, request, async (trx, audit) => {
        if (!(await personRepository.get(trx, accountId, organizationId, personId)))
          throw notFound('person', personId);
        if (!(await environmentRepository.get(trx, accountId, organizationId, environmentId))) {
          throw notFound('environment', environmentId);
        }
        const created = await personRepository.addEnvironmentAccount(
          trx,
          accountId,
          organizationId,
          environmentId,
          personId,
        );
        if (created) {
          await audit({
            chainId: accountId,
            action: 'person.environment_added',
            targetType: 'person',
            targetId: personId,
            changes: { environmentId },
          });
        }
      });
      return (await personDetail(ctx.db, { accountId, organizationId }, personId))!;
    },
  );
}
