// GET /v1/accounts/{accountId}/licenses/{licenseId}/token — a freshly signed license token (license+jwt)
// with the account's ACTIVE key; customers read their own for offline verification.

import { licenseRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { signLicenseToken } from '../../licensing/license-token.ts';
import { loadLicense } from './license-access.ts';
import { LicenseParams } from './license-schema.ts';

export function getLicenseToken(app: App, ctx: AppContext): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId/token',
    {
      schema: {
        summary: 'Sign a fresh license token (compact JWS, EdDSA, typ license+jwt)',
        tags: ['licenses'],
        params: LicenseParams,
        response: { 200: Type.Object({ token: Type.String(), kid: Type.String() }), ...errorResponses },
      },
    },
    async (request) => {
      const row = await loadLicense(ctx.db, request, request.params, 'license:read');
      const policy = await licenseRepository.policyOf(ctx.db, row);
      return signLicenseToken(ctx, row, policy, ctx.clock());
    },
  );
}
