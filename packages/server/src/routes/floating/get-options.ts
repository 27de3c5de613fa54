// GET /v1/accounts/{accountId}/licenses/{licenseId}/floating/options — the license's floating options
// document (empty lists when never set).
import type { App } from '../../app.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { LicenseParams } from '../machines/license-scope.ts';
import { guardFloatingLicense, optionsDocumentOf } from './license-pools.ts';
import { OptionsDocument } from './options-schema.ts';

export function getOptions(app: App, ctx: AppContext, services: FloatingServices): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId/floating/options',
    {
      schema: {
        summary: "A license's floating options (RESERVE, MAX, INCLUDE, EXCLUDE, timeouts, pool settings)",
        tags: ['floating'],
        params: LicenseParams,
        response: { 200: OptionsDocument, ...errorResponses },
      },
    },
    async (request) => {
      await guardFloatingLicense(request, ctx, services, request.params, 'license:read');
      return optionsDocumentOf(ctx, request.params.accountId, request.params.licenseId);
    },
  );
}
