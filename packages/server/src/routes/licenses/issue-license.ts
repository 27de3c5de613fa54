// POST /v1/accounts/{accountId}/licenses — issue a license from a policy to a customer organization;
// answers the human key (shown here and through /key only) and a signed license token.
import { validateLicenseOverrides } from '@licentia/core';
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import { type AppContext, guard, mutate } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { signLicenseToken } from '../../licensing/license-token.ts';
import { toLicenseView } from '../../licensing/license-view.ts';
import { AccountParams } from '../accounts/account-schema.ts';
import { validOrThrow } from '../catalog/input-errors.ts';
import { insertLicense } from './insert-license.ts';
import { IssueLicenseBody, License } from './license-schema.ts';

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
      const { row, policy, key } = await mutate(ctx, request, (trx, audit) =>
        insertLicense(
          ctx,
          trx,
          audit,
          accountId,
          {
            policyId: body.policyId,
            organizationId: body.organizationId,
            name: body.name ?? null,
            startsAt: body.startsAt ? new Date(body.startsAt) : now,
            overrides,
            boundFingerprints: body.boundFingerprints ?? [],
            metadata: body.metadata ?? {},
          },
          body,
          now,
        ),
      );
      const { token } = await signLicenseToken(ctx, row, policy, now);
      return reply.code(201).send({ license: toLicenseView(row, now), key, token });
    },
  );
}
