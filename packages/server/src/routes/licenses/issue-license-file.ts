// POST /v1/accounts/{accountId}/licenses/{licenseId}/license-file — an armoured offline license file
// bound to one fingerprint with a TTL (B3), for machines that never reach the server.
import { DEFAULT_LICENSE_FILE_TTL_SECONDS } from '@licentia/core';
import { licenseRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, mutate } from '../../http/context.ts';
import { errorResponses, Problem, Timestamp } from '../../http/schemas.ts';
import { signLicenseFile } from '../../licensing/license-file.ts';
import { guardCredential, loadLicense } from './license-access.ts';
import { Fingerprint, LicenseParams } from './license-schema.ts';

const FileBody = Type.Object(
  {
    fingerprint: Fingerprint,
    ttlSeconds: Type.Optional(
      Type.Integer({
        minimum: 60,
        maximum: 366 * 86_400,
        description: 'Default 30 days; capped by the license expiry',
      }),
    ),
  },
  { additionalProperties: false },
);

export function issueLicenseFile(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/licenses/:licenseId/license-file',
    {
      schema: {
        summary: 'Issue an offline license file bound to a machine fingerprint (typ machine-file+jwt)',
        tags: ['licenses'],
        params: LicenseParams,
        body: FileBody,
        response: {
          200: Type.Object({ file: Type.String(), expiresAt: Timestamp, kid: Type.String() }),
          ...errorResponses,
          409: Problem,
        },
      },
    },
    async (request) => {
      const { accountId, licenseId } = request.params;
      const { fingerprint, ttlSeconds = DEFAULT_LICENSE_FILE_TTL_SECONDS } = request.body;
      const now = ctx.clock();
      const row = await loadLicense(ctx.db, request, request.params, 'license:read');
      guardCredential(request, row);
      const policy = await licenseRepository.policyOf(ctx.db, row);
      const signed = await signLicenseFile(ctx, row, policy, { fingerprint, ttlSeconds }, now);
      // Offline activations leave no machine row, so the audit log is their only record.
      await mutate(ctx, request, (_trx, audit) =>
        audit({
          chainId: accountId,
          action: 'license.file-issued',
          targetType: 'license',
          targetId: licenseId,
          changes: { fingerprint, expiresAt: signed.expiresAt.toISOString(), kid: signed.kid },
        }),
      );
      return { file: signed.file, expiresAt: signed.expiresAt.toISOString(), kid: signed.kid };
    },
  );
}
