// GET /v1/accounts/{accountId}/organizations/{organizationId}/my-privileges — what the caller may do
// in the organization, so a portal shows only what will work. Vendor tokens: all three with
// organization:write, REPORTING with organization:read.
import { authorize, ORG_PRIVILEGES, type OrgPrivilege, sortPrivileges } from '@licentia/core';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { privilegesOf } from '../../http/org-privileges.ts';
import { errorResponses, Nullable } from '../../http/schemas.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Privilege } from './privilege-schema.ts';

const MyPrivileges = Type.Object({
  personId: Nullable(Type.String({ description: 'The person a person-bound token acts for' })),
  privileges: Type.Array(Privilege),
});

export function getMyPrivileges(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations/:organizationId/my-privileges',
    {
      schema: {
        summary: "The caller's own privileges in the organization",
        tags: ['privileges'],
        params: OrganizationParams,
        response: { 200: MyPrivileges, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      const principal = guard(request, 'organization:read', scope, `No organization ${scope.organizationId}`);
      let privileges: Iterable<OrgPrivilege>;
      if (principal.kind === 'organization') privileges = await privilegesOf(ctx.db, principal, scope);
      else if (authorize(principal, 'organization:write', scope) === 'allow') privileges = ORG_PRIVILEGES;
      else privileges = ['REPORTING'];
      return { personId: principal.personId ?? null, privileges: sortPrivileges(privileges) };
    },
  );
}
