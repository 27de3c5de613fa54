// POST …/organizations/{organizationId}/license-servers/{licenseServerId}/status-reports — a collector
// or agent says what it saw when it queried a license server: reachable or the error, and the
// server's version with its release date. The status is derived by the core rule and stored on the
// server, so the license-server list shows it too.
import { notFound } from '@licentia/core';
import { complianceFactsRepository, licenseServerFactsRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { licenseServerView } from '../../compliance/license-server-status.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Timestamp } from '../../http/schemas.ts';
import { ADMIN_WRITE, ORG_PATH, orgAccess } from '../customer-orgs/org-access.ts';
import { LicenseServerParams } from '../license-servers/license-server-schema.ts';
import { LicenseServerStatus } from './compliance-schema.ts';

const ReportBody = Type.Object(
  {
    reachable: Type.Boolean({ description: 'The query answered' }),
    error: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    version: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    versionReleasedAt: Type.Optional({ ...Timestamp, description: 'Release date of that version' }),
  },
  { additionalProperties: false },
);

export function reportLicenseServerStatus(app: App, ctx: AppContext): void {
  app.post(
    `${ORG_PATH}/license-servers/:licenseServerId/status-reports`,
    {
      schema: {
        summary: 'Report what a query of a license server saw',
        tags: ['compliance'],
        params: LicenseServerParams,
        body: ReportBody,
        response: { 200: LicenseServerStatus, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, organizationId, licenseServerId } = request.params;
      const scope = { accountId, organizationId };
      await orgAccess(request, ctx, scope, ADMIN_WRITE);
      const now = ctx.clock();
      const body = request.body;
      const maintenanceEndsAt = await complianceFactsRepository.maintenanceEnd(
        ctx.db,
        accountId,
        organizationId,
      );
      const view = await mutate(ctx, request, async (trx, audit) => {
        const before = await licenseServerFactsRepository.get(trx, scope, licenseServerId);
        if (!before) throw notFound('license server', licenseServerId);
        await licenseServerFactsRepository.recordReport(trx, scope, licenseServerId, {
          reachable: body.reachable,
          error: body.error ?? null,
          version: body.version ?? null,
          versionReleasedAt: body.versionReleasedAt ? new Date(body.versionReleasedAt) : null,
          at: now,
        });
        const after = await licenseServerFactsRepository.get(trx, scope, licenseServerId);
        const next = licenseServerView(after ?? before, maintenanceEndsAt, now);
        const previous = licenseServerView(before, maintenanceEndsAt, now);
        await licenseServerFactsRepository.saveStatus(trx, scope, licenseServerId, next.status, next.detail);
        if (previous.status !== next.status || previous.reason !== next.reason) {
          await audit({
            chainId: accountId,
            action: 'license-server.status-changed',
            targetType: 'license-server',
            targetId: licenseServerId,
            changes: {
              from: previous.status,
              to: next.status,
              reason: next.reason,
              detail: next.detail,
              remedy: next.remedy,
            },
          });
        }
        return next;
      });
      return view;
    },
  );
}
