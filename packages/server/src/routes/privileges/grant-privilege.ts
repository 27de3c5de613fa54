// PUT /v1/accounts/{accountId}/organizations/{organizationId}/people/{personId}/privileges/{privilege}
// — grant one privilege (SUPERVISOR privilege); granting one already held changes nothing.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses } from '../../http/schemas.ts';
import { changePrivileges } from './change-privileges.ts';
import { PersonPrivilegeParams, PersonPrivileges, toPersonPrivileges } from './privilege-schema.ts';

export function grantPrivilege(app: App, ctx: AppContext): void {
  app.put(
    '/v1/accounts/:accountId/organizations/:organizationId/people/:personId/privileges/:privilege',
    {
      schema: {
        summary: 'Grant a person one organization privilege (supervisors)',
        tags: ['privileges'],
        params: PersonPrivilegeParams,
        response: { 200: PersonPrivileges, ...errorResponses },
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
        (current) => [...current, privilege],
      );
      return toPersonPrivileges(person, warning);
    },
  );
}
