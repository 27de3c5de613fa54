// PUT /v1/accounts/{accountId}/organizations/{organizationId}/people/{personId}/privileges — make a
// person hold exactly the listed privileges (SUPERVISOR privilege). Refuses (409 LAST_SUPERVISOR) to
// take SUPERVISOR from the last active supervisor; warns while fewer than two remain.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { changePrivileges } from './change-privileges.ts';
import { PersonParams, PersonPrivileges, Privilege, toPersonPrivileges } from './privilege-schema.ts';

const Body = Type.Object(
  { privileges: Type.Array(Privilege, { maxItems: 3, uniqueItems: true }) },
  { additionalProperties: false },
);

export function setPersonPrivileges(app: App, ctx: AppContext): void {
  app.put(
    '/v1/accounts/:accountId/organizations/:organizationId/people/:personId/privileges',
    {
      schema: {
        summary: "Set a person's organization privileges (supervisors)",
        tags: ['privileges'],
        params: PersonParams,
        body: Body,
        response: { 200: PersonPrivileges, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId } = request.params;
      await requireOrgPrivilege(
        request,
        ctx,
        { accountId, organizationId },
        'SUPERVISOR',
        `No person ${personId}`,
      );
      const { person, warning } = await changePrivileges(
        ctx,
        request,
        { accountId, organizationId, personId },
        () => request.body.privileges,
      );
      return toPersonPrivileges(person, warning);
    },
  );
}
