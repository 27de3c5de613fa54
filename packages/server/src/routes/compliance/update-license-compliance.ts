// PATCH /v1/accounts/{accountId}/licenses/{licenseId}/compliance — the vendor's compliance settings of
// a license: the grace period, whose users count (the organization's or the license's), and a
// temporary extension that raises the user limit until a date (null removes it). The license is
// re-evaluated in the same transaction, so the answer already shows the new mode.
import { AppError, notFound } from '@licentia/core';
import { complianceRepository, licenseRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { evaluateLicenseCompliance } from '../../compliance/compliance-evaluator.ts';
import { licenseComplianceView } from '../../compliance/compliance-view.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Nullable, Timestamp } from '../../http/schemas.ts';
import { guardLicense, LicenseParams } from '../machines/license-scope.ts';
import { LicenseCompliance } from './compliance-schema.ts';

const SettingsBody = Type.Object(
  {
    gracePeriodDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
    countScope: Type.Optional(Type.Union([Type.Literal('ORGANIZATION'), Type.Literal('LICENSE')])),
    extension: Type.Optional(
      Nullable(
        Type.Object(
          {
            userLimit: Type.Integer({
              minimum: 1,
              maximum: 10_000_000,
              description: 'The raised user limit',
            }),
            until: { ...Timestamp, description: 'The extension ends at this instant' },
          },
          { additionalProperties: false },
        ),
      ),
    ),
  },
  { additionalProperties: false },
);

export function updateLicenseCompliance(app: App, ctx: AppContext): void {
  app.patch(
    '/v1/accounts/:accountId/licenses/:licenseId/compliance',
    {
      schema: {
        summary: "Change a license's compliance settings (grace period, count scope, extension)",
        description:
          'Vendor only (license:write). Every change is an audit event; the answer is re-evaluated.',
        tags: ['compliance'],
        params: LicenseParams,
        body: SettingsBody,
        response: { 200: LicenseCompliance, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      await guardLicense(request, ctx, request.params, 'license:write');
      const now = ctx.clock();
      const { extension, ...rest } = request.body;
      const until = extension ? new Date(extension.until) : null;
      if (extension && until && until.getTime() <= now.getTime())
        throw new AppError('INVALID_FIELD', 'extension.until must be in the future', {
          field: 'body.extension.until',
        });
      const license = await licenseRepository.get(ctx.db, accountId, licenseId);
      if (!license) throw notFound('license', licenseId);
      const result = await mutate(ctx, request, async (trx, audit) => {
        await complianceRepository.lock(
          trx,
          accountId,
          { id: licenseId, organizationId: license.organizationId },
          now,
        );
        const settings = {
          ...rest,
          ...(extension !== undefined
            ? { extension: extension && { userLimit: extension.userLimit, until: until as Date } }
            : {}),
        };
        await complianceRepository.saveSettings(trx, accountId, licenseId, settings);
        await audit({
          chainId: accountId,
          action: 'compliance.settings-changed',
          targetType: 'license',
          targetId: licenseId,
          changes: { ...rest, ...(extension !== undefined ? { extension } : {}) },
        });
        return evaluateLicenseCompliance(trx, accountId, licenseId, now, audit);
      });
      if (!result) throw notFound('license', licenseId);
      if (result.transition) ctx.licensing?.cache.invalidate(licenseId);
      return licenseComplianceView(license, result.row);
    },
  );
}
