// GET …/organizations/{organizationId}/usage/denials — denials deduplicated per (user, feature, UTC
// day), so a client's retry loop counts once; each row carries how many raw DENIED events it stands for.
import { usageQueryRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { refuseWhenRestricted } from '../../compliance/require-capability.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Day, DenialDay, toDenialDay } from './usage-schema.ts';

const Query = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    feature: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

const DenialPage = Type.Object({
  data: Type.Array(DenialDay),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  distinct: Type.Integer({ description: 'Deduplicated denials (user, feature, day) matching the filter' }),
  raw: Type.Integer({ description: 'Raw DENIED events behind them' }),
});

export function listDenials(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/usage/denials`,
    {
      schema: {
        summary: 'List denials, deduplicated per user, feature and day',
        description: '`from` and `to` are UTC days, both included.',
        tags: ['usage'],
        params: OrganizationParams,
        querystring: Query,
        response: { 200: DenialPage, ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, REPORTS);
      await refuseWhenRestricted(request, ctx.db, scope, 'REPORTING');
      const q = request.query;
      const page = await usageQueryRepository.listDenials(
        ctx.db,
        scope.accountId,
        scope.organizationId,
        { fromDay: q.from, toDay: q.to, feature: q.feature },
        { limit: q.limit, after: q.cursor },
      );
      return { ...page, data: page.data.map(toDenialDay) };
    },
  );
}
