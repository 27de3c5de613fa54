// GET …/organizations/{organizationId}/compliance/history — mode transitions of the organization's
// licenses, newest first, with the counts and the remedy at the time (read from the audit chain).
import type { ComplianceMode, ComplianceReason } from '@licentia/core';
import { complianceRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses, IdParam, PageQuery, pageOf } from '../../http/schemas.ts';
import { ADMIN_READ, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { OrganizationParams } from '../organizations/organization-schema.ts';
import { ComplianceTransition } from './compliance-schema.ts';

const HistoryQuery = Type.Object(
  {
    limit: PageQuery.properties.limit,
    cursor: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,9}$', description: 'nextCursor of the previous page' }),
    ),
    licenseId: Type.Optional(IdParam('License', 'lic')),
  },
  { additionalProperties: false },
);

type ModeAndReason = { mode: ComplianceMode; reason: ComplianceReason };

interface StoredChanges {
  from?: ModeAndReason;
  to?: ModeAndReason;
  at?: string;
  countedUsers?: number;
  userLimit?: number | null;
  remedy?: string[];
}

const NORMAL: ModeAndReason = { mode: 'NORMAL', reason: 'WITHIN_LIMIT' };

export function listComplianceHistory(app: App, ctx: AppContext): void {
  app.get(
    `${ORG_PATH}/compliance/history`,
    {
      schema: {
        summary: 'List compliance mode transitions',
        tags: ['compliance'],
        params: OrganizationParams,
        querystring: HistoryQuery,
        response: { 200: pageOf(ComplianceTransition), ...errorResponses },
      },
    },
    async (request) => {
      const scope = request.params;
      await orgAccess(request, ctx, scope, ADMIN_READ);
      const { limit, cursor, licenseId } = request.query;
      const page = await complianceRepository.history(ctx.db, scope.accountId, scope.organizationId, {
        limit,
        beforeSeq: cursor === undefined ? undefined : Number(cursor),
        licenseId,
      });
      return {
        data: page.data.map((row) => {
          const c = (row.changes ?? {}) as StoredChanges;
          return {
            id: row.id,
            licenseId: row.licenseId,
            occurredAt: row.occurredAt.toISOString(),
            at: c.at ?? row.occurredAt.toISOString(),
            from: c.from ?? NORMAL,
            to: c.to ?? NORMAL,
            countedUsers: c.countedUsers ?? 0,
            userLimit: c.userLimit ?? null,
            remedy: c.remedy ?? [],
            actorType: row.actorType,
          };
        }),
        nextCursor: page.nextCursor,
      };
    },
  );
}
