// POST /v1/accounts/{accountId}/licenses — issue a license from a policy to a customer organization;
// answers the human key (shown here and through /key only) and a signed license token.
import { createHash } from 'node:crypto';
import {
  formatLicenseKey,
  initialLicenseDates,
  LICENSE_KEY_RANDOM_BYTES,
  normalizeLicenseKey,
  notFound,
  validateLicenseOverrides,
} from '@licentia/core';
import { licenseRepository, organizationRepository } from '@licentia/db';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { signLicenseToken } from '../../licensing/license-token.ts';
import { toLicenseView } from '../../licensing/license-view.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { validOrThrow } from '../catalog/input-errors.ts';
import { loadPolicy } from './license-access.ts';
import { IssueLicenseBody, License } from './license-schema.ts';

/** SHA-256 hex of the normalized key: the only form keys are looked up by. */
export function licenseKeyHash(key: string): string {
  return createHash('sha256').update(normalizeLicenseKey(key)!).digest('hex');
}

export function issueLicense(app: App, ctx: AppContext): void {
  app.post(
    '/v1/accounts/:accountId/licenses',
    {
      schema: {
        summary: 'Issue a license from a policy to a customer organization',
        tags: ['licenses'],
        params: AccountParams,
        body: IssueLicenseBody,
        response: {
          201: Type.Object({ license: License, key: Type.String(), token: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { accountId } = request.params;
      const body = request.body;
      guard(
        request,
        'license:write',
        { accountId, organizationId: body.organizationId },
        `No account ${accountId}`,
      );
      const overrides = validOrThrow(validateLicenseOverrides(body.overrides ?? {}), 'body');
      const now = ctx.clock();
      const key = formatLicenseKey(ctx.randomBytes(LICENSE_KEY_RANDOM_BYTES));
      const { row, policy } = await mutate(ctx, request, async (trx, audit) => {
        const policy = await loadPolicy(trx, accountId, body.policyId);
        if (!(await organizationRepository.get(trx, accountId, body.organizationId)))
          throw notFound('organization', body.organizationId);
        const id = ctx.newId('license');
        const dates = initialLicenseDates(policy, now, body.startsAt ? new Date(body.startsAt) : now);
        const row = await licenseRepository.insert(
          trx,
          accountId,
          {
            id,
            organizationId: body.organizationId,
            productId: policy.productId,
            policyId: policy.id,
            keyHash: licenseKeyHash(key),
            keySealed: ctx.keys.seal(key, `${accountId}:${id}`),
            // The last 4 characters only (3 random symbols + the check): 105 unknown bits remain.
            keyHint: `…${key.slice(-4)}`,
            name: body.name ?? null,
            status: 'ACTIVE',
            model: policy.model,
            issuedAt: now,
            ...dates,
            trialActivatedAt: null,
            overrides,
            boundFingerprints: body.boundFingerprints ?? [],
            metadata: body.metadata ?? {},
          },
          now,
        );
        await audit({
          chainId: accountId,
          action: 'license.issued',
          targetType: 'license',
          targetId: id,
          changes: { ...body, productId: policy.productId, model: policy.model },
        });
        return { row, policy };
      });
      const { token } = await signLicenseToken(ctx, row, policy, now);
      return reply.code(201).send({ license: toLicenseView(row, now), key, token });
    },
  );
}
