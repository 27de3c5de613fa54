// POST …/organizations/{organizationId}/people — add a person, optionally with accounts in some
// environments. Usernames are unique per organization, case-insensitively.
import { AppError } from '@licentia/core';
import { environmentRepository, personRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { conflictOnDuplicate, invalidField } from '../catalog/input-errors.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { CreatePersonBody, PersonDetail } from './person-schema.ts';
import { personDetail } from './person-view.ts';

export function createPerson(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/people`,
    {
      schema: {
        summary: 'Create a person',
        tags: ['people'],
        params: OrganizationParams,
        body: CreatePersonBody,
        response: { 201: PersonDetail, ...errorResponses, 409: Problem },
      },
    },
    async (request, reply) => {
      const { accountId, organizationId } = request.params;
      const { environmentIds = [], ...fields } = request.body;
      await orgAccess(request, ctx, { accountId, organizationId }, ADMIN_WRITE);
      const duplicate = `A person with username ${fields.username} already exists`;
      const id = await mutate(ctx, request, async (trx, audit) => {
        if (await personRepository.findByUsername(trx, accountId, organizationId, fields.username)) {
          throw new AppError('CONFLICT', duplicate);
        }
        const known = new Set(
          (await environmentRepository.listAll(trx, accountId, organizationId)).map((e) => e.id),
        );
        const unknown = environmentIds.find((e) => !known.has(e));
        if (unknown)
          throw invalidField(
            'body.environmentIds',
            'NOT_ALLOWED',
            `No environment ${unknown} in this organization`,
          );
        const person = await conflictOnDuplicate(
          personRepository.insert(
            trx,
            accountId,
            { id: ctx.newId('person'), organizationId, status: 'ACTIVE', ...fields },
            ctx.clock(),
          ),
          duplicate,
        );
        for (const environmentId of environmentIds) {
          await personRepository.addEnvironmentAccount(
            trx,
            accountId,
            organizationId,
            environmentId,
            person.id,
          );
        }
        await audit({
          chainId: accountId,
          action: 'person.created',
          targetType: 'person',
          targetId: person.id,
          changes: { organizationId, ...fields, environmentIds },
        });
        return person.id;
      });
      return reply.code(201).send((await personDetail(ctx.db, { accountId, organizationId }, id))!);
    },
  );
}
