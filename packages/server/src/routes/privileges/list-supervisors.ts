// GET /v1/accounts/{accountId}/organizations/{organizationId}/supervisors — whom to ask for a
// privilege; anyone who can see the organization may know. Warns while fewer than two exist.
import { supervisorWarning } from '@licentia/core';
import { privilegeRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import { type AppContext, guard } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Supervisors } from './privilege-schema.ts';

export function listSupervisors(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/organizations/:organizationId/supervisors',
    {
      schema: {
        summary: "The organization's active supervisors, with the fewer-than-two warning",
        tags: ['privileges'],
        params: OrganizationParams,
        response: { 200: Supervisors, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId } = request.params;
      guard(request, 'organization:read', { accountId, organizationId }, `No organization ${organizationId}`);
      const data = await privilegeRepository.activeSupervisors(ctx.db, accountId, organizationId);
      return { data, count: data.length, warning: supervisorWarning(data.length) };
    },
  );
}
