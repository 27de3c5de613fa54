// PUT /v1/accounts/{accountId}/licenses/{licenseId}/floating/options — replace the license's floating
// options. The next operation on each pool runs under them (seats are capped at the license's). Audited.
import { floatingAdminRepository } from '@licentia/db';
import type { App } from '../../app.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { LicenseParams } from '../machines/license-scope.ts';
import { guardFloatingLicense } from './license-pools.ts';
import { normalizeOptions, OptionsDocument, OptionsInput } from './options-schema.ts';

export function putOptions(app: App, ctx: AppContext, services: FloatingServices): void {
  app.put(
    '/v1/accounts/:accountId/licenses/:licenseId/floating/options',
    {
      schema: {
        summary: "Replace a license's floating options",
        tags: ['floating'],
        params: LicenseParams,
        body: OptionsInput,
        response: { 200: OptionsDocument, ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      await guardFloatingLicense(request, ctx, services, request.params, 'floating:write');
      const doc = normalizeOptions(request.body);
      await mutate(ctx, request, async (trx, audit) => {
        await floatingAdminRepository.putOptions(trx, accountId, licenseId, doc, ctx.clock());
        await audit({
          chainId: accountId,
          action: 'floating.options.replaced',
          targetType: 'license',
          targetId: licenseId,
          changes: { features: Object.keys(doc.features) },
        });
      });
      return doc;
    },
  );
}
