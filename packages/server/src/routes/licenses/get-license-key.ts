// GET /v1/accounts/{accountId}/licenses/{licenseId}/key — reveal the human key again (unsealed from
// storage). Vendor writers and the customer's own org-admins only; every reveal is audited.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { guardCredential, loadLicense } from './license-access.ts';
import { LicenseParams } from './license-schema.ts';

export function getLicenseKey(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId/key',
    {
      schema: {
        summary:
          "Reveal a license's human key (license:write, or an org-admin of the license's organization)",
        tags: ['licenses'],
        params: LicenseParams,
        response: { 200: Type.Object({ key: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      return mutate(ctx, request, async (trx, audit) => {
        const row = await loadLicense(trx, request, request.params, 'license:read');
        guardCredential(request, row);
        await audit({
          chainId: accountId,
          action: 'license.key-revealed',
          targetType: 'license',
          targetId: licenseId,
        });
        return { key: ctx.keys.unseal(row.keySealed, `${accountId}:${licenseId}`).toString('utf8') };
      });
    },
  );
}
