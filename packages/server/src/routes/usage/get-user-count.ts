// GET …/organizations/{organizationId}/usage/user-count — distinct users seen in the last 30 days
// (realtime usage, imports and denials), for the organization or one of its licenses. Read from
// the per-day counters (a sum over 30 rows), never by scanning events.
import { notFound } from '@licentia/core';
import { licenseRepository, USER_COUNT_WINDOW_DAYS, usageQueryRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { refuseWhenRestricted } from '../../compliance/require-capability.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, IdParam } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { UserCount } from './usage-schema.ts';

const Query = Type.Object(
  { licenseId: Type.Optional(IdParam('License', 'lic')) },
  { additionalProperties: false },
);

export function getUserCount(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/usage/user-count`,
    {
      schema: {
        summary: 'Count the users seen in the last 30 days',
        description:
          'Distinct normalized usernames whose last sighting falls on one of the 30 UTC days ending today.',
        tags: ['usage'],
        params: OrganizationParams,
        querystring: Query,
        response: { 200: UserCount, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, REPORTS);
      await refuseWhenRestricted(request, ctx.db, scope, 'REPORTING');
      const { licenseId } = request.query;
      if (licenseId) {
        const license = await licenseRepository.get(ctx.db, scope.accountId, licenseId);
        if (!license || license.organizationId !== scope.organizationId) throw notFound('license', licenseId);
      }
      const asOf = ctx.clock();
      const counted = await usageQueryRepository.countUsers(ctx.db, scope.organizationId, asOf, licenseId);
      return {
        counted,
        windowDays: USER_COUNT_WINDOW_DAYS as 30,
        asOf: asOf.toISOString(),
        licenseId: licenseId ?? null,
      };
    },
  );
}
