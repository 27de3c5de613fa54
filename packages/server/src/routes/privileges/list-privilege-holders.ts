// GET /v1/accounts/{accountId}/organizations/{organizationId}/privileges — the people who hold at
// least one privilege, with what they hold (any privilege may look; vendors with organization:read).
import { supervisorWarning } from '@licentia/core';
import { privilegeRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { requireOrgPrivilege } from '../../http/org-privileges.ts';
import { errorResponses, Nullable, PageQuery } from '../../http/schemas.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { PersonPrivileges, toPersonPrivileges } from './privilege-schema.ts';

const Holders = Type.Object({
  data: Type.Array(PersonPrivileges),
  nextCursor: Nullable(Type.String()),
  warning: Nullable(Type.String()),
});

export function listPrivilegeHolders(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations/:organizationId/privileges',
    {
      schema: {
        summary: 'People holding organization privileges',
        tags: ['privileges'],
        params: OrganizationParams,
        querystring: PageQuery,
        response: { 200: Holders, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      await requireOrgPrivilege(
        request,
        ctx,
        { accountId, organizationId },
        ['SUPERVISOR', 'LICENSING', 'REPORTING'],
        `No organization ${organizationId}`,
      );
      const { limit, cursor } = request.query;
      const page = await privilegeRepository.holders(ctx.db, accountId, organizationId, {
        limit,
        after: cursor,
      });
      const supervisors = await privilegeRepository.activeSupervisors(ctx.db, accountId, organizationId);
      const warning = supervisorWarning(supervisors.length);
      return {
        data: page.data.map((p) => toPersonPrivileges(p, warning)),
        nextCursor: page.nextCursor,
        warning,
      };
    },
  );
}
