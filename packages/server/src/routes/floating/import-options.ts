// POST /v1/accounts/{accountId}/licenses/{licenseId}/floating/options/import — read a FlexNet options
// file: its groups and rules replace the license's, each feature's pool settings stay, and every line
// that Licentia does not enforce is listed in `skipped` (with its number and why). Audited.
import { AppError, importOptionsFile } from '@licentia/core';
import { floatingAdminRepository } from '@licentia/db';
import { Ajv } from 'ajv';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { LicenseParams } from '../machines/license-scope.ts';
import { guardFloatingLicense, optionsDocumentOf } from './license-pools.ts';
import { normalizeOptions, OptionsDocument, OptionsInput } from './options-schema.ts';

// The imported document must fit the same limits as a PUT body (names, counts, timeouts).
const fitsLimits = new Ajv({ strict: false, allErrors: false }).compile(OptionsInput);

const Skipped = Type.Object({ line: Type.Integer(), text: Type.String(), reason: Type.String() });

export function importOptions(app: App, ctx: AppContext, services: FloatingServices): void {
  app.post(
    '/v1/accounts/:accountId/licenses/:licenseId/floating/options/import',
    {
      schema: {
        summary: 'Import a FlexNet options file into the floating options',
        description:
          'Supported: GROUP, HOST_GROUP, RESERVE, MAX, INCLUDE, EXCLUDE (USER, GROUP, HOST, HOST_GROUP, ' +
          'INTERNET, DEPARTMENT), TIMEOUT, LINGER, BORROW_LOWWATER, MAX_BORROW_HOURS.',
        tags: ['floating'],
        params: LicenseParams,
        body: Type.Object({ text: Type.String({ maxLength: 500_000 }) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ options: OptionsDocument, skipped: Type.Array(Skipped) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      await guardFloatingLicense(request, ctx, services, request.params, 'floating:write');
      const current = await optionsDocumentOf(ctx, accountId, licenseId);
      const imported = importOptionsFile(current, request.body.text);
      // The file's names and numbers go through the same checks as a PUT (size limits, INTERNET, __proto__).
      if (!fitsLimits(imported.options)) {
        const first = fitsLimits.errors?.[0];
        const where = `${first?.instancePath ?? ''} ${first?.message ?? ''}`.trim();
        throw new AppError('INVALID_FIELD', `the options file exceeds a limit: ${where}`, {
          field: 'body.text',
        });
      }
      const doc = normalizeOptions(imported.options);
      await mutate(ctx, request, async (trx, audit) => {
        await floatingAdminRepository.putOptions(trx, accountId, licenseId, doc, ctx.clock());
        await audit({
          chainId: accountId,
          action: 'floating.options.imported',
          targetType: 'license',
          targetId: licenseId,
          changes: { features: Object.keys(doc.features), skipped: imported.unsupported.length },
        });
      });
      return { options: doc, skipped: imported.unsupported };
    },
  );
}
