// PUT …/organizations/{organizationId}/usage/settings — change whether usernames are compared with
// case. A change re-keys the organization's events and rebuilds its counters in one transaction.
import { usageSettingsRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { toUsageSettings, UsageSettings } from './usage-schema.ts';

const SettingsBody = Type.Object({ usernamesCaseSensitive: Type.Boolean() }, { additionalProperties: false });

export function updateUsageSettings(app: App, ctx: AppContext): void {
  app.put(
    `${ORG_PATH}/usage/settings`,
    {
      schema: {
        summary: 'Change the usage settings of an organization',
        description: 'Changing usernamesCaseSensitive recomputes every counted username and the user counts.',
        tags: ['usage'],
        params: OrganizationParams,
        body: SettingsBody,
        response: { 200: UsageSettings, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ADMIN_WRITE);
      const wanted = request.body.usernamesCaseSensitive;
      await mutate(ctx, request, async (trx, audit) => {
        const result = await usageSettingsRepository.setCaseSensitive(
          trx,
          scope.accountId,
          scope.organizationId,
          wanted,
          ctx.clock(),
        );
        if (!result.changed) return;
        await audit({
          chainId: scope.accountId,
          action: 'usage.settings.updated',
          targetType: 'organization',
          targetId: scope.organizationId,
          changes: { usernamesCaseSensitive: wanted, rekeyedEvents: result.rekeyed },
        });
      });
      return toUsageSettings(
        await usageSettingsRepository.get(ctx.db, scope.accountId, scope.organizationId),
      );
    },
  );
}
