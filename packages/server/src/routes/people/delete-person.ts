// DELETE …/people/{personId} — remove a person with their environment accounts, group memberships,
// seats, privileges and bound tokens. The last active supervisor cannot be deleted (409).
import { notFound } from '@licentia/core';
import { personRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { refuseLastSupervisorRemoval } from '../../http/org-privileges.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { PersonParams } from './person-schema.ts';

export function deletePerson(app: App, ctx: AppContext): void {
  app.delete(
    `${ORG_PATH}/people/:personId`,
    {
      schema: {
        summary: 'Delete a person',
        tags: ['people'],
        params: PersonParams,
        response: { 204: { type: 'null', description: 'Deleted' }, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId, personId } = request.params;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_WRITE, `No person ${personId}`);
      await mutate(ctx, request, async (trx, audit) => {
        const person = await personRepository.get(trx, accountId, organizationId, personId);
        if (!person) throw notFound('person', personId);
        await refuseLastSupervisorRemoval(trx, accountId, organizationId, personId);
        await personRepository.delete(trx, accountId, organizationId, personId);
        await audit({
          chainId: accountId,
          action: 'person.deleted',
          targetType: 'person',
          targetId: personId,
          changes: { username: person.username },
        });
      });
      // Tokens bound to the person went with it: forget cached principals (others hear NOTIFY).
      ctx.principals.clear();
      return reply.code(204).send(null);
    },
  );
}
