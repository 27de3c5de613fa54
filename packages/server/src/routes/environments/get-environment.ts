// GET …/organizations/{organizationId}/environments/{environmentId} — one environment with the
// products it is licensed for.
import { notFound } from '@licentia/core';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { Environment, EnvironmentParams } from './environment-schema.ts';
import { environmentView } from './environment-view.ts';

export function getEnvironment(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/environments/:environmentId`,
    {
      schema: {
        summary: 'Get an environment',
        tags: ['environments'],
        params: EnvironmentParams,
        response: { 200: Environment, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, environmentId } = request.params;
      await orgAccess(
        request,
        ctx,
        { accountId, organizationId },
        ADMIN_READ,
        `No environment ${environmentId}`,
      );
      const view = await environmentView(ctx.db, { accountId, organizationId }, environmentId);
      if (!view) throw notFound('environment', environmentId);
      return view;
    },
  );
}
