// GET /v1/accounts/{accountId}/licenses/{licenseId} — one license with its derived state.
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { toLicenseView } from '../../licensing/license-view.ts';
import { loadLicense } from './license-access.ts';
import { License, LicenseParams } from './license-schema.ts';

export function getLicense(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId',
    {
      schema: {
        summary: 'Get a license',
        tags: ['licenses'],
        params: LicenseParams,
        response: { 200: License, ...errorResponses },
      },
    },
    async (request) =>
      toLicenseView(await loadLicense(ctx.db, request, request.params, 'license:read'), ctx.clock()),
  );
}
