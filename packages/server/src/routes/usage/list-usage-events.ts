// GET …/organizations/{organizationId}/usage/events — raw usage events newest first, filtered by time,
// kind, feature, user, license server or license; keyset-paged.
import { normalizeUsername } from '@licentia/core';
import { usageQueryRepository, usageSettingsRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { refuseWhenRestricted } from '../../compliance/require-capability.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, IdParam, pageOf, Timestamp } from '../../http/schemas.ts';
import { ORG_PATH, orgAccess, REPORTS } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { Kind, toUsageEvent, UsageEvent } from './usage-schema.ts';

const Query = Type.Object(
  {
    from: Type.Optional(Timestamp),
    to: Type.Optional(Timestamp),
    kind: Type.Optional(Kind),
    feature: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    user: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
    licenseServerId: Type.Optional(IdParam('License server', 'lsrv')),
    licenseId: Type.Optional(IdParam('License', 'lic')),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);

export function listUsageEvents(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/usage/events`,
    {
      schema: {
        summary: 'List usage events',
        description: '`from` is included, `to` excluded. `user` matches the normalized username.',
        tags: ['usage'],
        params: OrganizationParams,
        querystring: Query,
        response: { 200: pageOf(UsageEvent), ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, REPORTS);
      await refuseWhenRestricted(request, ctx.db, scope, 'REPORTING');
      const q = request.query;
      let usernameKey: string | undefined;
      if (q.user) {
        const settings = await usageSettingsRepository.get(ctx.db, scope.accountId, scope.organizationId);
        usernameKey = normalizeUsername(q.user, { caseSensitive: settings.usernamesCaseSensitive });
      }
      const page = await usageQueryRepository.listEvents(
        ctx.db,
        scope.accountId,
        scope.organizationId,
        {
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          kind: q.kind,
          feature: q.feature,
          usernameKey,
          licenseServerId: q.licenseServerId,
          licenseId: q.licenseId,
        },
        { limit: q.limit, after: q.cursor },
      );
      return { data: page.data.map(toUsageEvent), nextCursor: page.nextCursor };
    },
  );
}
