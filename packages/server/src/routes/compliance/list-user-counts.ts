// GET …/organizations/{organizationId}/compliance/user-counts — counted users per license and day
// against the limit (the portal's line chart). A report: refused to organization tokens while the
// organization's mode restricts REPORTING.
import { AppError } from '@licentia/core';
import { complianceRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { refuseWhenRestricted } from '../../compliance/require-capability.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, IdParam } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { UserCountSeries } from './compliance-schema.ts';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'UTC day, YYYY-MM-DD' });
const CountsQuery = Type.Object(
  { from: Type.Optional(Day), to: Type.Optional(Day), licenseId: Type.Optional(IdParam('License', 'lic')) },
  { additionalProperties: false },
);

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

/** Milliseconds of a UTC day, or NaN for a day that does not exist (2025-02-31). */
function dayMs(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day ? ms : Number.NaN;
}

export function listUserCounts(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/compliance/user-counts`,
    {
      schema: {
        summary: 'Counted users per day against the limit',
        description: 'Default: the last 90 days. At most 366 days per request.',
        tags: ['compliance'],
        params: OrganizationParams,
        querystring: CountsQuery,
        response: { 200: UserCountSeries, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, REPORTS);
      await refuseWhenRestricted(request, ctx.db, scope, 'REPORTING');
      const today = ctx.clock().toISOString().slice(0, 10);
      const to = request.query.to ?? today;
      const toMs = dayMs(to);
      const from =
        request.query.from ??
        (Number.isNaN(toMs) ? to : new Date(toMs - 89 * DAY_MS).toISOString().slice(0, 10));
      const fromMs = dayMs(from);
      if (Number.isNaN(fromMs) || Number.isNaN(toMs) || fromMs > toMs || toMs - fromMs > MAX_DAYS * DAY_MS)
        throw new AppError(
          'INVALID_FIELD',
          'from and to must be real days, from ≤ to, at most 366 days apart',
          {
            field: 'querystring.from',
          },
        );
      const data = await complianceRepository.userCounts(ctx.db, scope.accountId, scope.organizationId, {
        fromDay: from,
        toDay: to,
        licenseId: request.query.licenseId,
      });
      return { from, to, data };
    },
  );
}
