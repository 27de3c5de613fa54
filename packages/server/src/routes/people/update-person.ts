// PATCH …/people/{personId} — change username, email, name or status. Disabling the last active
// supervisor is refused (409 LAST_SUPERVISOR): someone must be able to grant privileges.
import { AppError, notFound } from '@licentia/core';
import { personRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { refuseLastSupervisorRemoval } from '../../http/org-privileges.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate } from '../catalog/input-errors.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { PersonDetail, PersonParams, UpdatePersonBody } from './person-schema.ts';
import { personDetail } from './person-view.ts';

export function updatePerson(app: App, ctx: AppContext): void {
  app.patch(
    `${ORG_PATH}/people/:personId`,
    {
      schema: {
        summary: 'Update a person',
        tags: ['people'],
        params: PersonParams,
        body: UpdatePersonBody,
        response: { 200: PersonDetail, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId } = request.params;
      const changes = request.body;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_WRITE, `No person ${personId}`);
      const duplicate = `A person with username ${changes.username} already exists`;
      await mutate(ctx, request, async (trx, audit) => {
        const before = await personRepository.get(trx, accountId, organizationId, personId);
        if (!before) throw notFound('person', personId);
        if (changes.username && changes.username.toLowerCase() !== before.username.toLowerCase()) {
          if (await personRepository.findByUsername(trx, accountId, organizationId, changes.username)) {
            throw new AppError('CONFLICT', duplicate);
          }
        }
        if (changes.status === 'DISABLED' && before.status === 'ACTIVE') {
          await refuseLastSupervisorRemoval(trx, accountId, organizationId, personId);
        }
        await conflictOnDuplicate(
          personRepository.update(trx, accountId, organizationId, personId, changes, ctx.clock()),
          duplicate,
        );
        const diff = Object.fromEntries(
          Object.entries(changes).map(([k, to]) => [k, { from: before[k as keyof typeof changes], to }]),
        );
        await audit({
          chainId: accountId,
          action: 'person.updated',
          targetType: 'person',
          targetId: personId,
          changes: diff,
        });
      });
      return (await personDetail(ctx.db, { accountId, organizationId }, personId))!;
    },
  );
}
