// GET …/organizations/{organizationId}/usage/settings — whether usernames are compared with case.
import { usageSettingsRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { toUsageSettings, UsageSettings } from './usage-schema.ts';

export function getUsageSettings(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/usage/settings`,
    {
      schema: {
        summary: 'Get the usage settings of an organization',
        tags: ['usage'],
        params: OrganizationParams,
        response: { 200: UsageSettings, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, REPORTS);
      return toUsageSettings(
        await usageSettingsRepository.get(ctx.db, scope.accountId, scope.organizationId),
      );
    },
  );
}
