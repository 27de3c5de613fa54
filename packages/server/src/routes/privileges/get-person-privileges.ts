// GET /v1/accounts/{accountId}/organizations/{organizationId}/people/{personId}/privileges — what one
// person of the organization may do (any privilege may look; vendors with organization:read).
import { notFound, supervisorWarning } from '@licentia/core';
import { privilegeRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses } from '../../http/schemas.ts';
import { PersonParams, PersonPrivileges, toPersonPrivileges } from './privilege-schema.ts';

export function getPersonPrivileges(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations/:organizationId/people/:personId/privileges',
    {
      schema: {
        summary: "A person's organization privileges",
        tags: ['privileges'],
        params: PersonParams,
        response: { 200: PersonPrivileges, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId } = request.params;
      await requireOrgPrivilege(
        request,
        ctx,
        { accountId, organizationId },
        ['SUPERVISOR', 'LICENSING', 'REPORTING'],
        `No person ${personId}`,
      );
      const person = await privilegeRepository.person(ctx.db, accountId, organizationId, personId);
      if (!person) throw notFound('person', personId);
      const supervisors = await privilegeRepository.activeSupervisors(ctx.db, accountId, organizationId);
      return toPersonPrivileges(person, supervisorWarning(supervisors.length));
    },
  );
}
