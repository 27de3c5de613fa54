// GET /v1/accounts/{accountId}/licenses/{licenseId}/floating/leases — the live, borrowed and
// lingering leases of a license, optionally of one feature, oldest first.
import { Type } from 'typebox';
import type { App } from '../../app.ts';
import type { FloatingServices } from '../../floating/floating-services.ts';
import type { AppContext } from '../../http/context.ts';
import { errorResponses } from '../../http/schemas.ts';
import { LicenseParams } from '../machines/license-scope.ts';
import { Lease, Text, toLease } from './floating-schema.ts';
import { guardFloatingLicense, licensePools } from './license-pools.ts';

export function listLeases(app: App, ctx: AppContext, services: FloatingServices): void {
  app.get(
    '/v1/accounts/:accountId/licenses/:licenseId/floating/leases',
    {
      schema: {
        summary: "A license's floating leases",
        tags: ['floating'],
        params: LicenseParams,
        querystring: Type.Object({ feature: Type.Optional(Text(100)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ data: Type.Array(Lease) }), ...errorResponses },
      },
    },
    async (request) => {
      const { snapshot, terms } = await guardFloatingLicense(
        request,
        ctx,
        services,
        request.params,
        'license:read',
      );
      const pools = await licensePools(ctx, services, snapshot, terms, request.query.feature);
      const data = pools.flatMap((p) =>
        p.state.leases.map((lease) =>
          toLease(lease, {
            licenseId: p.licenseId,
            feature: p.feature,
            heartbeatIntervalSeconds: p.state.heartbeatIntervalSeconds,
          }),
        ),
      );
      return { data };
    },
  );
}
