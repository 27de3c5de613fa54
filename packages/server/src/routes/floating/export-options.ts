// GET /v1/accounts/{accountId}/licenses/{licenseId}/floating/options/export — the FlexNet part of the
// license's floating options as an options file (text/plain); importing it back gives the same rules.
import { exportOptionsFile, optionsFileOf } from '@licentia/core';
import type { App } from '../../app.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { LicenseParams } from '../machines/license-scope.ts';
import { guardFloatingLicense, optionsDocumentOf } from './license-pools.ts';

export function exportOptions(app: App, ctx: AppContext, services: FloatingServices): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId/floating/options/export',
    {
      schema: {
        summary: 'Export the floating options as a FlexNet options file',
        tags: ['floating'],
        params: LicenseParams,
        response: {
          200: {
            description: 'A FlexNet options file',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      await guardFloatingLicense(request, ctx, services, request.params, 'license:read');
      const doc = await optionsDocumentOf(ctx, request.params.accountId, request.params.licenseId);
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .send(exportOptionsFile(optionsFileOf(doc)));
    },
  );
}
