// DELETE /v1/accounts/{accountId}/organizations/{organizationId}/people/{personId}/privileges/{privilege}
// — remove one privilege (SUPERVISOR privilege); never the last active supervisor's SUPERVISOR (409).
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses, Problem } from '../../http/schemas.ts';
import { changePrivileges } from './change-privileges.ts';
import { PersonPrivilegeParams, PersonPrivileges, toPersonPrivileges } from './privilege-schema.ts';

export function revokePrivilege(app: App, ctx: AppContext): void {
  app.delete(
    '/v1/accounts/:accountId/organizations/:organizationId/people/:personId/privileges/:privilege',
    {
      schema: {
        summary: 'Remove one organization privilege from a person (supervisors)',
        tags: ['privileges'],
        params: PersonPrivilegeParams,
        response: { 200: PersonPrivileges, ...errorResponses, 409: Problem },
      },
    },
    async (request) => {
      const { accountId, organizationId, personId, privilege } = request.params;
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
        (current) => current.filter((p) => p !== privilege),
      );
      return toPersonPrivileges(person, warning);
    },
  );
}
